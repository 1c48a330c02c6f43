package org.wageguard.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * Who else works on a project — subcontractors and labor teams (班组) — and the owner's monthly schedule of
 * labor-cost transfers into the special account (Decree 724 Art. 24), which monitoring later compares with
 * the bank's records.
 */
@Service
@Transactional(readOnly = true)
public class ProjectParties {

    /**
     * A subcontractor of the project, with its authorisation of the general contractor to pay its workers' wages
     * through the special account (委托代发, Decree 724 Art. 31), if it signed one: the document and its date.
     */
    public record Subcontractor(long employerId, String name, String creditCode, String scopeOfWork,
            LocalDate payAuthorisedOn, String payAuthorisationDocument) {

        /** Whether the authorisation was signed by that day. */
        public boolean authorisedBy(LocalDate day) {
            return payAuthorisedOn != null && !payAuthorisedOn.isAfter(day);
        }
    }

    /** An authorisation refused for its content, with the Chinese reason. */
    public static class AuthorisationRefused extends RuntimeException {
        public AuthorisationRefused(String message) {
            super(message);
        }
    }

    public record Team(long id, String name, String leaderName, Long employerId, String employerName) {
    }

    public record ScheduledTransfer(YearMonth month, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final ComplianceItems compliance;
    private final Clock clock;

    private final MessageSource messages;

    ProjectParties(JdbcClient jdbc, OperationLog operationLog, ComplianceItems compliance, Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.compliance = compliance;
        this.clock = clock;
    }

    public List<Subcontractor> subcontractors(long projectId) {
        return subcontractors(jdbc, projectId);
    }

    static List<Subcontractor> subcontractors(JdbcClient jdbc, long projectId) {
        return jdbc.sql("""
                SELECT s.employer_id, e.name, e.credit_code, s.scope_of_work, s.pay_authorised_on,
                       s.pay_authorisation_document
                  FROM project_subcontractor s JOIN published_employer e ON e.id = s.employer_id
                 WHERE s.project_id = :p ORDER BY e.name
                """).param("p", projectId).query(Rows.of(Subcontractor.class)).list();
    }

    /**
     * Records that the subcontractor authorised the general contractor to pay its workers' wages through the special
     * account (Decree 724 Art. 31), with the document and the day it was signed; the bank-payroll item is derived
     * again at once. A day in the future or an empty document is refused.
     */
    @Transactional
    public void authorisePayment(long projectId, long employerId, LocalDate signedOn, String document) {
        if (signedOn == null || document == null || document.isBlank()) {
            throw refused("payAuthorisation.refused.incomplete");
        }
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw refused("payAuthorisation.refused.future");
        }
        int rows = jdbc.sql("""
                UPDATE project_subcontractor SET pay_authorised_on = :on, pay_authorisation_document = :doc,
                       pay_authorisation_recorded_by = :by
                 WHERE project_id = :p AND employer_id = :e
                """).param("on", Date.valueOf(signedOn)).param("doc", document.trim()).param("by", actor())
                .param("p", projectId).param("e", employerId).update();
        if (rows == 0) {
            throw refused("payAuthorisation.refused.notSubcontractor");
        }
        operationLog.record("PROJECT_PAY_AUTHORISATION", "project", projectId, "登记分包单位 " + employerId
                + " 委托总承包单位代发工资：" + document.trim() + "（" + signedOn + "）");
        compliance.reevaluate(projectId);
    }

    /** Withdraws a recorded authorisation (recorded in error, or revoked); the bank-payroll item is derived again. */
    @Transactional
    public void withdrawPaymentAuthorisation(long projectId, long employerId) {
        jdbc.sql("""
                UPDATE project_subcontractor SET pay_authorised_on = NULL, pay_authorisation_document = NULL,
                       pay_authorisation_recorded_by = :by
                 WHERE project_id = :p AND employer_id = :e
                """).param("by", actor()).param("p", projectId).param("e", employerId).update();
        operationLog.record("PROJECT_PAY_AUTHORISATION_WITHDRAW", "project", projectId, "撤销分包单位 " + employerId
                + " 委托总承包单位代发工资的登记");
        compliance.reevaluate(projectId);
    }

    private AuthorisationRefused refused(String key) {
        return new AuthorisationRefused(messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE));
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }

    public List<Team> teams(long projectId) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.leader_name, t.employer_id, e.name AS employer_name FROM project_team t
                  LEFT JOIN published_employer e ON e.id = t.employer_id WHERE t.project_id = :p ORDER BY t.name
                """).param("p", projectId).query(Rows.of(Team.class)).list();
    }

    public List<ScheduledTransfer> schedule(long projectId) {
        return jdbc.sql("SELECT month, amount FROM labor_cost_schedule WHERE project_id = :p ORDER BY month")
                .param("p", projectId)
                .query((rs, i) -> new ScheduledTransfer(YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getBigDecimal("amount")))
                .list();
    }

    @Transactional
    public void addSubcontractor(long projectId, long employerId, String scopeOfWork) {
        jdbc.sql("""
                INSERT INTO project_subcontractor (project_id, employer_id, scope_of_work) VALUES (:p, :e, :s)
                ON CONFLICT (project_id, employer_id) DO UPDATE SET scope_of_work = EXCLUDED.scope_of_work
                """).param("p", projectId).param("e", employerId).param("s", scopeOfWork).update();
        operationLog.record("PROJECT_SUBCONTRACTOR_ADD", "project", projectId, "登记分包单位 " + employerId);
        compliance.reevaluate(projectId);
    }

    @Transactional
    public void removeSubcontractor(long projectId, long employerId) {
        jdbc.sql("DELETE FROM project_subcontractor WHERE project_id = :p AND employer_id = :e")
                .param("p", projectId).param("e", employerId).update();
        operationLog.record("PROJECT_SUBCONTRACTOR_REMOVE", "project", projectId, "移除分包单位 " + employerId);
        compliance.reevaluate(projectId);
    }

    @Transactional
    public void addTeam(long projectId, String name, String leaderName, Long employerId) {
        jdbc.sql("""
                INSERT INTO project_team (project_id, name, leader_name, employer_id) VALUES (:p, :n, :l, :e)
                ON CONFLICT (project_id, name) DO UPDATE SET leader_name = EXCLUDED.leader_name, employer_id = EXCLUDED.employer_id
                """).param("p", projectId).param("n", name).param("l", leaderName).param("e", employerId).update();
        operationLog.record("PROJECT_TEAM_ADD", "project", projectId, "登记班组 " + name);
    }

    @Transactional
    public void removeTeam(long projectId, long teamId) {
        jdbc.sql("DELETE FROM project_team WHERE project_id = :p AND id = :t").param("p", projectId).param("t", teamId)
                .update();
        operationLog.record("PROJECT_TEAM_REMOVE", "project", projectId, "移除班组 " + teamId);
    }

    /** Sets the planned transfer of a month (replacing an earlier figure for the same month). */
    @Transactional
    public void schedule(long projectId, YearMonth month, BigDecimal amount) {
        jdbc.sql("""
                INSERT INTO labor_cost_schedule (project_id, month, amount) VALUES (:p, :m, :a)
                ON CONFLICT (project_id, month) DO UPDATE SET amount = EXCLUDED.amount
                """).param("p", projectId).param("m", Date.valueOf(month.atDay(1))).param("a", amount).update();
        operationLog.record("LABOR_COST_SCHEDULE", "project", projectId, "人工费用拨付计划 " + month + " " + amount + " 元");
    }

    @Transactional
    public void unschedule(long projectId, YearMonth month) {
        jdbc.sql("DELETE FROM labor_cost_schedule WHERE project_id = :p AND month = :m").param("p", projectId)
                .param("m", Date.valueOf(month.atDay(1))).update();
        operationLog.record("LABOR_COST_UNSCHEDULE", "project", projectId, "删除人工费用拨付计划 " + month);
    }
}
