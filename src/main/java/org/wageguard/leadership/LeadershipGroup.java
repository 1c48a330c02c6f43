package org.wageguard.leadership;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * The leadership group of a region: members by position and the duties of the member units, each with the document
 * (文号, date) that set it. Every problem with an input is an {@link IllegalArgumentException} whose message is the key
 * {@code leadership.invalid.<field>} of the module's messages.
 */
@Service
@Transactional(readOnly = true)
public class LeadershipGroup {

    /** 组长, 副组长, 成员 — in this order on every page. */
    public enum Position { LEADER, DEPUTY, MEMBER }

    public record Document(long id, String regionCode, String number, String title, LocalDate issuedOn, String issuer) {
    }

    public record Member(long id, String position, String personName, String post, long departmentId,
            String departmentName, String documentNumber) {
    }

    /** A member unit's duty; {@link #citation()} is how an assignment or a notice quotes it. */
    public record Duty(long id, long departmentId, String departmentName, String basis, String duty, long documentId,
            String documentNumber, String documentTitle, LocalDate issuedOn) {

        public String citation() {
            return documentTitle + "（" + documentNumber + "）明确的职责：" + duty
                    + (basis == null ? "" : "（依据" + basis + "）");
        }

        /** A short label for select boxes. */
        public String label() {
            return departmentName + "：" + (duty.length() > 40 ? duty.substring(0, 40) + "…" : duty);
        }
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    LeadershipGroup(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    public List<Document> documents(String regionPrefix) {
        return jdbc.sql("""
                SELECT id, region_code, number, title, issued_on, issuer FROM duty_document
                 WHERE region_code LIKE :p ORDER BY issued_on DESC, id DESC
                """).param("p", regionPrefix + "%").query(Rows.of(Document.class)).list();
    }

    private static final String MEMBERS = """
            SELECT m.id, m.position, m.person_name, m.post, m.department_id, d.name AS department_name,
                   x.number AS document_number
              FROM leadership_member m JOIN department d ON d.id = m.department_id
              JOIN duty_document x ON x.id = m.document_id
            """;
    private static final String ORDER_MEMBERS = """
             ORDER BY CASE m.position WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, m.sort_order, d.sort_order, m.id
            """;

    public List<Member> members(String regionPrefix) {
        return jdbc.sql(MEMBERS + " WHERE m.region_code LIKE :p" + ORDER_MEMBERS).param("p", regionPrefix + "%")
                .query(Rows.of(Member.class)).list();
    }

    public List<Member> membersOf(long departmentId) {
        return jdbc.sql(MEMBERS + " WHERE m.department_id = :d" + ORDER_MEMBERS).param("d", departmentId)
                .query(Rows.of(Member.class)).list();
    }

    private static final String DUTIES = """
            SELECT u.id, u.department_id, d.name AS department_name, u.basis, u.duty, u.document_id,
                   x.number AS document_number, x.title AS document_title, x.issued_on
              FROM member_duty u JOIN department d ON d.id = u.department_id JOIN duty_document x ON x.id = u.document_id
            """;

    /** The duties of the member units of a region, unit by unit in the department tree's order. */
    public List<Duty> duties(String regionPrefix) {
        return jdbc.sql(DUTIES + " WHERE d.region_code LIKE :p ORDER BY d.sort_order, d.id, u.sort_order, u.id")
                .param("p", regionPrefix + "%").query(Rows.of(Duty.class)).list();
    }

    public List<Duty> dutiesOf(long departmentId) {
        return jdbc.sql(DUTIES + " WHERE u.department_id = :d ORDER BY u.sort_order, u.id").param("d", departmentId)
                .query(Rows.of(Duty.class)).list();
    }

    public Optional<Duty> duty(long id) {
        return jdbc.sql(DUTIES + " WHERE u.id = :id").param("id", id).query(Rows.of(Duty.class)).optional();
    }

    @Transactional
    public long addDocument(String regionCode, String number, String title, LocalDate issuedOn, String issuer) {
        require(number, 64, "number");
        require(title, 200, "title");
        require(issuer, 128, "issuer");
        if (issuedOn == null || issuedOn.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("issuedOn");
        }
        if (jdbc.sql("SELECT count(*) FROM duty_document WHERE region_code = :r AND number = :n").param("r", regionCode)
                .param("n", number.trim()).query(Long.class).single() > 0) {
            throw new IllegalArgumentException("numberTaken");
        }
        long id = jdbc.sql("""
                INSERT INTO duty_document (region_code, number, title, issued_on, issuer) VALUES (:r, :n, :t, :d, :i) RETURNING id
                """).param("r", regionCode).param("n", number.trim()).param("t", title.trim())
                .param("d", Date.valueOf(issuedOn)).param("i", issuer.trim()).query(Long.class).single();
        operationLog.record("LEADERSHIP_DOCUMENT", "duty_document", id, "登记文件 " + number.trim());
        return id;
    }

    @Transactional
    public long addMember(String regionCode, Position position, String personName, String post, long departmentId,
            long documentId, int sortOrder) {
        if (position == null) {
            throw new IllegalArgumentException("position");
        }
        require(personName, 64, "personName");
        require(post, 128, "post");
        long id = jdbc.sql("""
                INSERT INTO leadership_member (region_code, position, person_name, post, department_id, document_id, sort_order)
                VALUES (:r, :p, :n, :post, :d, :doc, :s) RETURNING id
                """).param("r", regionCode).param("p", position.name()).param("n", personName.trim()).param("post", post.trim())
                .param("d", departmentId).param("doc", documentId).param("s", sortOrder).query(Long.class).single();
        operationLog.record("LEADERSHIP_MEMBER", "leadership_member", id, "领导小组成员 " + personName.trim());
        return id;
    }

    @Transactional
    public long addDuty(long departmentId, long documentId, String basis, String duty, int sortOrder) {
        require(duty, 1000, "duty");
        if (basis != null && basis.length() > 200) {
            throw new IllegalArgumentException("basis");
        }
        long id = jdbc.sql("""
                INSERT INTO member_duty (department_id, document_id, basis, duty, sort_order) VALUES (:d, :doc, :b, :t, :s) RETURNING id
                """).param("d", departmentId).param("doc", documentId)
                .param("b", basis == null || basis.isBlank() ? null : basis.trim()).param("t", duty.trim()).param("s", sortOrder)
                .query(Long.class).single();
        operationLog.record("LEADERSHIP_DUTY", "member_duty", id, "成员单位职责：" + duty.trim());
        return id;
    }

    @Transactional
    public void removeDuty(long id) {
        try {
            jdbc.sql("DELETE FROM member_duty WHERE id = :id").param("id", id).update();
        } catch (org.springframework.dao.DataIntegrityViolationException cited) {
            // Casework's assignments cite duties by a foreign key (their table is casework's to read, not ours).
            throw new IllegalArgumentException("dutyCited");
        }
        operationLog.record("LEADERSHIP_DUTY_REMOVE", "member_duty", id, "删除成员单位职责");
    }

    private static void require(String value, int max, String field) {
        if (value == null || value.isBlank() || value.trim().length() > max) {
            throw new IllegalArgumentException(field);
        }
    }
}
