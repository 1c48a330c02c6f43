package org.wageguard.casework;

import org.wageguard.shared.AdvisoryLocks;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * Supervision (督办) of what is overdue, every night and on demand: a matter not accepted within its channel's
 * deadline, a complainant not contacted in time, a case past its handling deadline, a department's assignment
 * past its due date. Each deadline is supervised once: the case is flagged, the supervision and a timeline entry
 * are recorded, and the responsible department and the leadership office are notified in the system. One run
 * at a time, even with several application instances (a PostgreSQL advisory lock); the nightly run once a night
 * across instances ({@code casework.internal.CaseworkSchedule}).
 */
@Service
public class CaseSupervision {

    /** Key of the advisory lock: the run is a single-instance job. */
    private static final long LOCK = 0x5747_4355_5045_5256L;

    public record Run(boolean ran, int supervised) {
    }

    private record Overdue(long caseId, String number, Long assignmentId, String kind, LocalDate dueOn,
            Long departmentId, String regionCode) {
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final OperationLog operationLog;
    private final Clock clock;

    CaseSupervision(JdbcClient jdbc, Notifications notifications, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** Supervises everything overdue today that has not been supervised for that deadline. */
    @Transactional
    public Run run(String actor) {
        boolean locked = AdvisoryLocks.tryLockForTransaction(jdbc, LOCK);
        if (!locked) {
            return new Run(false, 0);
        }
        LocalDate today = LocalDate.now(clock);
        List<Overdue> overdue = jdbc.sql("""
                SELECT c.id AS case_id, c.number, NULL::BIGINT AS assignment_id, 'ACCEPT' AS kind, c.accept_due AS due_on,
                       c.department_id, c.region_code
                  FROM case_file c WHERE c.status = 'REGISTERED' AND c.accept_due < :today
                UNION ALL
                SELECT c.id, c.number, NULL, 'CONTACT', c.first_contact_due, c.department_id, c.region_code
                  FROM case_file c WHERE c.first_contacted_on IS NULL AND c.first_contact_due < :today
                   AND c.status IN ('REGISTERED','ACCEPTED','COORDINATING','FILED','ORDERED')
                UNION ALL
                SELECT c.id, c.number, NULL, 'HANDLING', c.handling_due, c.department_id, c.region_code
                  FROM case_file c WHERE c.status IN ('COORDINATING','FILED','ORDERED') AND c.handling_due < :today
                UNION ALL
                SELECT c.id, c.number, a.id, 'ASSIGNMENT', a.due_on, a.department_id, c.region_code
                  FROM case_assignment a JOIN case_file c ON c.id = a.case_id
                 WHERE a.status IN ('OPEN','REWORK') AND a.due_on < :today
                """).param("today", Date.valueOf(today)).query(Rows.of(Overdue.class)).list();
        int done = 0;
        for (Overdue o : overdue) {
            int inserted = jdbc.sql("""
                    INSERT INTO case_supervision (case_id, assignment_id, kind, due_on, supervised_on, by_username, note)
                    VALUES (:c, :a, :k, :due, :today, :by, :note)
                    ON CONFLICT (case_id, kind, COALESCE(assignment_id, 0), due_on) WHERE kind <> 'MANUAL' DO NOTHING
                    """).param("c", o.caseId()).param("a", o.assignmentId()).param("k", o.kind())
                    .param("due", Date.valueOf(o.dueOn())).param("today", Date.valueOf(today)).param("by", actor)
                    .param("note", reason(o)).update();
            if (inserted == 0) {
                continue;
            }
            done++;
            if (o.assignmentId() != null) {
                jdbc.sql("UPDATE case_assignment SET supervised = TRUE WHERE id = :a").param("a", o.assignmentId()).update();
            }
            jdbc.sql("""
                    INSERT INTO case_event (case_id, on_day, by_username, action, note)
                    VALUES (:c, :today, :by, 'SUPERVISE', :note)
                    """).param("c", o.caseId()).param("today", Date.valueOf(today)).param("by", actor)
                    .param("note", "自动督办：" + reason(o)).update();
            String link = "/cases/" + o.caseId();
            String title = "督办：" + o.number();
            if (o.departmentId() != null) {
                notifications.send(o.departmentId(), "SUPERVISION", title, reason(o), link);
            }
            notifications.leadershipOffice(o.regionCode()).filter(office -> !office.equals(o.departmentId()))
                    .ifPresent(office -> notifications.send(office, "SUPERVISION", title, reason(o), link));
        }
        if (done > 0) {
            operationLog.record("CASE_SUPERVISION_RUN", "case", null, "逾期自动督办 " + done + " 件次");
        }
        return new Run(true, done);
    }

    private static String reason(Overdue o) {
        return switch (o.kind()) {
            case "ACCEPT" -> "案件 " + o.number() + " 应于 " + o.dueOn() + " 前受理，已逾期未受理";
            case "CONTACT" -> "案件 " + o.number() + " 应于 " + o.dueOn() + " 前首次联系投诉人，已逾期未联系";
            case "HANDLING" -> "案件 " + o.number() + " 办结期限 " + o.dueOn() + " 已过，尚未办结";
            default -> "案件 " + o.number() + " 交办事项应于 " + o.dueOn() + " 前反馈，已逾期未反馈";
        };
    }
}
