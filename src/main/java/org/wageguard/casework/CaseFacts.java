package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What early warning and the credit procedure read of the cases: complaints concentrating on one employer or
 * project, open cases per project and employer, and orders to pay that went unheeded. A case linked to another is
 * the same matter and is not counted again.
 */
@Service
@Transactional(readOnly = true)
public class CaseFacts {

    /** Complaints about one subject since a day: how many, the largest group, their numbers. */
    public record Concentration(String subjectKind, long subjectId, String subjectName, String regionCode,
            Long departmentId, int complaints, int largestGroup, String caseNumbers) {
    }

    /** A case whose latest order to pay (限期改正指令书) passed its deadline while the case still owes the workers. */
    public record LapsedOrder(long caseId, String caseNumber, Long employerId, String employerName, String regionCode,
            String orderNumber, LocalDate deadline, BigDecimal amount) {
    }


    private final JdbcClient jdbc;

    CaseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per employer and per project: the complaints registered on or after {@code since}. */
    public List<Concentration> concentration(LocalDate since) {
        return jdbc.sql("""
                SELECT 'EMPLOYER' AS kind, c.employer_id AS id, max(c.employer_name) AS name, max(c.region_code) AS region,
                       max(c.department_id) AS dept, count(*) AS n, max(c.workers) AS largest,
                       string_agg(c.number, '、' ORDER BY c.registered_on) AS numbers
                  FROM counted_case c WHERE c.employer_id IS NOT NULL AND c.registered_on >= :since
                 GROUP BY c.employer_id
                UNION ALL
                SELECT 'PROJECT', c.project_id, max(p.name), max(p.region_code), max(p.department_id), count(*),
                       max(c.workers), string_agg(c.number, '、' ORDER BY c.registered_on)
                  FROM counted_case c JOIN published_project p ON p.id = c.project_id
                 WHERE c.registered_on >= :since
                 GROUP BY c.project_id
                """).param("since", since)
                .query((rs, n) -> {
                    long dept = rs.getLong("dept");
                    return new Concentration(rs.getString("kind"), rs.getLong("id"), rs.getString("name"),
                            rs.getString("region"), rs.wasNull() ? null : dept, rs.getInt("n"), rs.getInt("largest"),
                            rs.getString("numbers"));
                }).list();
    }

    /** Open cases per project id. */
    public Map<Long, Integer> openByProject() {
        return counts("project_id");
    }

    /** Open cases of one project (its risk grade, without counting every project's). */
    public int openOfProject(long projectId) {
        return jdbc.sql("SELECT count(*) FROM case_file c WHERE c.project_id = :p AND c.linked_case_id IS NULL"
                + " AND c.status IN (:open)").param("p", projectId).param("open", CaseStatus.openNames())
                .query(Integer.class).single();
    }

    /** Open cases per employer id (the employer complained about). */
    public Map<Long, Integer> openByEmployer() {
        return counts("employer_id");
    }

    private Map<Long, Integer> counts(String column) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT c." + column + ", count(*) FROM case_file c WHERE c." + column + " IS NOT NULL"
                + " AND c.linked_case_id IS NULL AND c.status IN (:open) GROUP BY c." + column)
                .param("open", CaseStatus.openNames())
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /** The case's order to pay if it lapsed unheeded by {@code today}: the precondition of a credit listing. */
    public Optional<LapsedOrder> lapsedOrder(long caseId, LocalDate today) {
        return lapsed(" AND c.id = :id", Map.of("id", caseId, "today", today)).stream().findFirst();
    }

    /** Every case of the region (by code prefix) whose order to pay lapsed unheeded by {@code today}. */
    public List<LapsedOrder> lapsedOrders(String regionPrefix, LocalDate today) {
        return lapsed(" AND c.region_code LIKE :prefix", Map.of("prefix", regionPrefix + "%", "today", today));
    }

    private List<LapsedOrder> lapsed(String condition, Map<String, Object> params) {
        return jdbc.sql("""
                SELECT c.id, c.number, c.employer_id, c.employer_name, c.region_code, o.number AS order_number,
                       o.deadline, o.amount
                  FROM case_file c
                  JOIN LATERAL (SELECT * FROM payment_order o WHERE o.case_id = c.id
                                 ORDER BY o.served_on DESC, o.id DESC LIMIT 1) o ON TRUE
                 WHERE o.deadline < :today AND c.status IN ('FILED', 'ORDERED', 'COORDINATING', 'ACCEPTED')
                """ + condition + " ORDER BY o.deadline, c.id").params(params)
                .query((rs, n) -> {
                    long e = rs.getLong("employer_id");
                    return new LapsedOrder(rs.getLong("id"), rs.getString("number"), rs.wasNull() ? null : e,
                            rs.getString("employer_name"), rs.getString("region_code"), rs.getString("order_number"),
                            rs.getDate("deadline").toLocalDate(), rs.getBigDecimal("amount"));
                }).list();
    }
}
