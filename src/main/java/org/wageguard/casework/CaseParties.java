package org.wageguard.casework;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.Masking;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;

/**
 * Who answers for the arrears: the party liable by law where it differs from the respondent (the general
 * contractor pays first for its subcontractor, Decree 724 Art. 30; illegal subcontracting, Art. 36), and the
 * responsible persons — legal representative, actual controller, labor contractor (包工头) — with the status of
 * their referral to the police.
 */
@Service
public class CaseParties {

    public enum Basis { ART29, ART30, ART31, ART36 }

    public enum PersonRole { LEGAL_REPRESENTATIVE, ACTUAL_CONTROLLER, LABOR_CONTRACTOR, OTHER }

    public enum Referral { NONE, REFERRED, FILED, DETAINED, ARRESTED, PROSECUTED, CONVICTED, NOT_FILED }

    public record Person(long id, String role, String name, String idNumberMasked, String referralStatus,
            LocalDate statusOn, String note, int version) {
    }

    public record Liable(Long employerId, String employerName, String basis, Long suggestedId, String suggestedName) {
    }

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;
    private final Clock clock;

    CaseParties(JdbcClient jdbc, SensitiveData sensitive, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    private static void mayHandle(OfficerPrincipal officer) {
        if (!officer.hasPermission("casework:case:handle")) {
            throw CaseRuleException.of("case.rule.case-parties.1");
        }
    }

    /** The liable party, and — where the respondent is not the project's general contractor — the suggestion of Art. 30. */
    public Liable liable(long caseId) {
        return jdbc.sql("""
                SELECT c.liable_employer_id AS employer_id, l.name AS employer_name, c.liable_basis AS basis,
                       CASE WHEN p.general_contractor_id IS DISTINCT FROM c.employer_id THEN p.general_contractor_id END AS suggested_id,
                       CASE WHEN p.general_contractor_id IS DISTINCT FROM c.employer_id THEN g.name END AS suggested_name
                  FROM case_file c LEFT JOIN published_employer l ON l.id = c.liable_employer_id
                  LEFT JOIN published_project p ON p.id = c.project_id LEFT JOIN published_employer g ON g.id = p.general_contractor_id
                 WHERE c.id = :c
                """).param("c", caseId).query(Rows.of(Liable.class)).single();
    }

    @Transactional
    public void setLiable(long caseId, int version, OfficerPrincipal officer, long employerId, Basis basis) {
        mayHandle(officer);
        String name = jdbc.sql("SELECT name FROM published_employer WHERE id = :e").param("e", employerId).query(String.class)
                .optional().orElseThrow(() -> CaseRuleException.of("case.rule.case-parties.2"));
        if (!Versioned.update(jdbc, "case_file", "liable_employer_id = :e, liable_basis = :b").param("e", employerId)
                .param("b", basis.name()).by(officer.username()).row(caseId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.1");
        }
        jdbc.sql("""
                INSERT INTO case_event (case_id, on_day, by_username, action, note)
                VALUES (:c, :d, :by, 'LIABLE', :note)
                """).param("c", caseId).param("d", Date.valueOf(LocalDate.now(clock))).param("by", officer.username())
                .param("note", "认定清偿责任主体：" + name + "（依据条例" + basisText(basis) + "）").update();
        operationLog.record("CASE_LIABLE", "case", caseId, "认定清偿责任主体：" + name);
    }

    static String basisText(Basis basis) {
        return switch (basis) {
            case ART29 -> "第二十九条";
            case ART30 -> "第三十条";
            case ART31 -> "第三十一条";
            case ART36 -> "第三十六条";
        };
    }

    @Transactional
    public long addPerson(long caseId, OfficerPrincipal officer, PersonRole role, String name, String idNumber) {
        mayHandle(officer);
        if (name == null || name.isBlank()) {
            throw CaseRuleException.of("case.rule.case-parties.3");
        }
        String id = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase();
        long personId = jdbc.sql("""
                INSERT INTO case_person (case_id, role, name, id_number, id_number_hash) VALUES (:c, :r, :n, :id, :h)
                RETURNING id
                """).param("c", caseId).param("r", role.name()).param("n", name.trim()).param("id", sensitive.encrypt(id))
                .param("h", sensitive.index(id)).query(Long.class).single();
        operationLog.record("CASE_PERSON_ADD", "case", caseId, "登记责任人员：" + name.trim());
        return personId;
    }

    /**
     * Records what became of a person after referral. Only labor inspection refers, and only a case already
     * resolved by referral to the police may carry a referral status beyond "not referred".
     */
    @Transactional
    public void setReferral(long caseId, long personId, int version, OfficerPrincipal officer, Referral status, String note) {
        if (!officer.hasPermission("casework:case:refer")) {
            throw CaseRuleException.of("case.rule.case-parties.4");
        }
        String outcome = jdbc.sql("SELECT outcome FROM case_file WHERE id = :c").param("c", caseId).query(String.class)
                .optional().orElse(null);
        if (status != Referral.NONE && !Outcome.REFERRED_TO_POLICE.name().equals(outcome)) {
            throw CaseRuleException.of("case.rule.case-parties.5");
        }
        if (!Versioned.update(jdbc, "case_person", "referral_status = :s, status_on = :d, note = :n")
                .param("s", status.name()).param("d", Date.valueOf(LocalDate.now(clock))).param("n", note)
                .where("case_id = :c").param("c", caseId).by(officer.username()).row(personId, version)) {
            throw CaseRuleException.of("case.rule.case-parties.6");
        }
        operationLog.record("CASE_PERSON_REFERRAL", "case", caseId, "责任人员移送状态：" + status.name());
    }

    public List<Person> persons(long caseId) {
        return jdbc.sql("""
                SELECT id, role, name, id_number, referral_status, status_on, note, version FROM case_person WHERE case_id = :c ORDER BY id
                """).param("c", caseId).query((rs, i) -> {
                    String cipher = rs.getString("id_number");
                    Date on = rs.getDate("status_on");
                    return new Person(rs.getLong("id"), rs.getString("role"), rs.getString("name"),
                            cipher == null ? null : Masking.idNumber(sensitive.decryptForProcessing(cipher)),
                            rs.getString("referral_status"), on == null ? null : on.toLocalDate(), rs.getString("note"),
                            rs.getInt("version"));
                }).list();
    }
}
