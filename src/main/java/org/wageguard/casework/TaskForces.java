package org.wageguard.casework;

import java.math.BigDecimal;
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
 * The task force (工作专班): members drawn from several departments, a duty roster for the concentrated reception
 * before the Spring Festival, and what it handled — every matter registered in its region while it sat.
 */
@Service
public class TaskForces {

    public enum Role { LEADER, DEPUTY, MEMBER }

    public record TaskForce(long id, String name, String regionCode, long leadDepartmentId, String leadDepartmentName,
            LocalDate periodFrom, LocalDate periodTo, LocalDate receptionFrom, LocalDate receptionTo, String duties) {
    }

    public record Member(long id, String name, long departmentId, String departmentName, String role, String phone) {
    }

    public record Shift(long id, LocalDate day, long memberId, String memberName, String departmentName, String location) {
    }

    /** What the task force handled: matters registered while it sat, and where the money went. */
    public record Handled(long cases, long workers, BigDecimal claimed, BigDecimal recovered, BigDecimal paidOut,
            long finished) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    TaskForces(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    private static final String SELECT = """
            SELECT t.id, t.name, t.region_code, t.lead_department_id, d.name AS lead_department_name, t.period_from,
                   t.period_to, t.reception_from, t.reception_to, t.duties
              FROM task_force t JOIN department d ON d.id = t.lead_department_id
            """;

    public List<TaskForce> list(String regionPrefix) {
        return jdbc.sql(SELECT + " WHERE t.region_code LIKE :p ORDER BY t.period_from DESC").param("p", regionPrefix + "%")
                .query(Rows.of(TaskForce.class)).list();
    }

    public Optional<TaskForce> find(long id, String regionPrefix) {
        return jdbc.sql(SELECT + " WHERE t.id = :id AND t.region_code LIKE :p").param("id", id).param("p", regionPrefix + "%")
                .query(Rows.of(TaskForce.class)).optional();
    }

    @Transactional
    public long form(String name, String regionCode, long leadDepartmentId, LocalDate from, LocalDate to,
            LocalDate receptionFrom, LocalDate receptionTo, String duties, String actor) {
        if (name == null || name.isBlank() || from == null || to == null) {
            throw CaseRuleException.of("case.rule.task-forces.1");
        }
        if (to.isBefore(from)) {
            throw CaseRuleException.of("case.rule.task-forces.2");
        }
        if ((receptionFrom == null) != (receptionTo == null)
                || receptionFrom != null && (receptionTo.isBefore(receptionFrom) || receptionFrom.isBefore(from) || receptionTo.isAfter(to))) {
            throw CaseRuleException.of("case.rule.task-forces.3");
        }
        long id = jdbc.sql("""
                INSERT INTO task_force (name, region_code, lead_department_id, period_from, period_to, reception_from,
                    reception_to, duties, created_by)
                VALUES (:n, :r, :d, :f, :t, :rf, :rt, :duties, :by) RETURNING id
                """).param("n", name.trim()).param("r", regionCode).param("d", leadDepartmentId)
                .param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .param("rf", receptionFrom == null ? null : Date.valueOf(receptionFrom))
                .param("rt", receptionTo == null ? null : Date.valueOf(receptionTo)).param("duties", duties)
                .param("by", actor).query(Long.class).single();
        // Matters already registered in its period count as handled by it.
        jdbc.sql("""
                UPDATE case_file SET task_force_id = :id WHERE task_force_id IS NULL AND region_code LIKE :r || '%'
                   AND registered_on BETWEEN :f AND :t
                """).param("id", id).param("r", regionCode).param("f", Date.valueOf(from)).param("t", Date.valueOf(to)).update();
        operationLog.record("TASK_FORCE_FORM", "task_force", id, "组建工作专班：" + name.trim());
        return id;
    }

    @Transactional
    public long addMember(long taskForceId, String name, long departmentId, Role role, String phone) {
        if (name == null || name.isBlank()) {
            throw CaseRuleException.of("case.rule.task-forces.4");
        }
        long id = jdbc.sql("""
                INSERT INTO task_force_member (task_force_id, name, department_id, role, phone)
                VALUES (:t, :n, :d, :r, :p) RETURNING id
                """).param("t", taskForceId).param("n", name.trim()).param("d", departmentId).param("r", role.name())
                .param("p", phone == null || phone.isBlank() ? null : phone.trim()).query(Long.class).single();
        operationLog.record("TASK_FORCE_MEMBER", "task_force", taskForceId, "专班增加成员：" + name.trim());
        return id;
    }

    /** Puts a member on duty for a day; the day must lie within the task force's period. */
    @Transactional
    public void schedule(long taskForceId, LocalDate day, long memberId, String location) {
        TaskForce t = jdbc.sql(SELECT + " WHERE t.id = :id").param("id", taskForceId).query(Rows.of(TaskForce.class)).optional()
                .orElseThrow(() -> CaseRuleException.of("case.rule.task-forces.5"));
        if (day == null || day.isBefore(t.periodFrom()) || day.isAfter(t.periodTo())) {
            throw CaseRuleException.of("case.rule.task-forces.day", t.periodFrom(), t.periodTo());
        }
        if (location == null || location.isBlank()) {
            throw CaseRuleException.of("case.rule.task-forces.6");
        }
        boolean member = jdbc.sql("SELECT count(*) FROM task_force_member WHERE id = :m AND task_force_id = :t")
                .param("m", memberId).param("t", taskForceId).query(Long.class).single() == 1;
        if (!member) {
            throw CaseRuleException.of("case.rule.task-forces.7");
        }
        int rows = jdbc.sql("""
                INSERT INTO duty_shift (task_force_id, day, member_id, location) VALUES (:t, :d, :m, :l)
                ON CONFLICT (task_force_id, day, member_id) DO NOTHING
                """).param("t", taskForceId).param("d", Date.valueOf(day)).param("m", memberId).param("l", location.trim())
                .update();
        if (rows == 0) {
            throw CaseRuleException.of("case.rule.task-forces.8");
        }
        operationLog.record("TASK_FORCE_DUTY", "task_force", taskForceId, "排班 " + day);
    }

    public List<Member> members(long taskForceId) {
        return jdbc.sql("""
                SELECT m.id, m.name, m.department_id, d.name AS department_name, m.role, m.phone
                  FROM task_force_member m JOIN department d ON d.id = m.department_id
                 WHERE m.task_force_id = :t ORDER BY CASE m.role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, m.id
                """).param("t", taskForceId).query(Rows.of(Member.class)).list();
    }

    public List<Shift> roster(long taskForceId) {
        return jdbc.sql("""
                SELECT s.id, s.day, m.id AS member_id, m.name AS member_name, d.name AS department_name, s.location
                  FROM duty_shift s JOIN task_force_member m ON m.id = s.member_id JOIN department d ON d.id = m.department_id
                 WHERE s.task_force_id = :t ORDER BY s.day, m.id
                """).param("t", taskForceId).query(Rows.of(Shift.class)).list();
    }

    public Handled handled(long taskForceId) {
        return jdbc.sql("""
                SELECT count(*) AS cases, COALESCE(sum(c.workers), 0) AS workers,
                       COALESCE(sum(c.amount_claimed), 0) AS claimed, COALESCE(sum(c.amount_recovered), 0) AS recovered,
                       COALESCE(sum(c.amount_paid_out), 0) AS paid_out,
                       count(*) FILTER (WHERE c.status IN ('CLOSED','TRACKING_ENDED')) AS finished
                  FROM counted_case c WHERE c.task_force_id = :t
                """).param("t", taskForceId).query(Rows.of(Handled.class)).single();
    }
}
