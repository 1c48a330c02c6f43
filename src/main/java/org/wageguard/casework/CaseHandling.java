package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.Employers;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopedRecords;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;

/**
 * Every step of a case after intake: the state machine of {@link CaseFile} applied with optimistic locking
 * (two officers on one case: the second is told, nothing is lost), the timeline, assignments to departments
 * and their answers, orders to pay, and the payment to each worker.
 */
@Service
public class CaseHandling {

    /** Working days a coordinated case (协调处理) is given unless its channel's clock says otherwise. */
    public static final int COORDINATION_WORKING_DAYS = 15;

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final OperationLog operationLog;
    private final Clock clock;
    private final Employers employers;

    private final CaseClocks clocks;
    private final Notifications notifications;
    private final ScopedRecords records;

    CaseHandling(JdbcClient jdbc, WorkingDays workingDays, OperationLog operationLog, Clock clock, Employers employers,
            CaseClocks clocks, Notifications notifications, ScopedRecords records) {
        this.records = records;
        this.clocks = clocks;
        this.notifications = notifications;
        this.employers = employers;
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every step first resolves the case within the officer's data scope (else 404), whoever calls it. */
    private void inScope(long caseId, OfficerPrincipal officer) {
        records.require(officer.scope(), CaseQueries.CASES, caseId);
    }

    private static CaseFile.Actor actor(OfficerPrincipal officer) {
        return new CaseFile.Actor(officer.username(), officer.permissions());
    }

    @Transactional
    public void accept(long caseId, int version, OfficerPrincipal officer) {
        apply(caseId, version, officer, c -> c.accept(actor(officer)));
        // A walk-in complainant stands at the counter: acceptance is the first contact.
        jdbc.sql("""
                UPDATE case_file SET accepted_on = :d,
                       first_contacted_on = CASE WHEN channel = 'WALK_IN' THEN COALESCE(first_contacted_on, :d) ELSE first_contacted_on END
                 WHERE id = :id
                """).param("d", Date.valueOf(today())).param("id", caseId).update();
    }

    @Transactional
    public void refuse(long caseId, int version, OfficerPrincipal officer, String reason) {
        apply(caseId, version, officer, c -> c.refuse(actor(officer), reason));
        jdbc.sql("UPDATE case_file SET refusal_reason = :r, closed_on = :d WHERE id = :id").param("r", reason)
                .param("d", Date.valueOf(today())).param("id", caseId).update();
    }

    @Transactional
    public void coordinate(long caseId, int version, OfficerPrincipal officer) {
        Channel channel = Channel.valueOf(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId)
                .query(String.class).optional().orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.1")));
        int days = clocks.of(channel).coordinationDays();
        apply(caseId, version, officer, c -> c.coordinate(actor(officer), today(), days, d -> workingDays.plus(d, days)));
    }

    @Transactional
    public void file(long caseId, int version, OfficerPrincipal officer, String inspectors) {
        apply(caseId, version, officer, c -> c.file(actor(officer), today(), inspectors,
                d -> workingDays.plus(d, CaseFile.FILED_WORKING_DAYS)));
        jdbc.sql("UPDATE case_file SET inspectors = :i WHERE id = :id").param("i", inspectors).param("id", caseId).update();
    }

    @Transactional
    public void extend(long caseId, int version, OfficerPrincipal officer) {
        apply(caseId, version, officer, c -> c.extend(actor(officer), d -> workingDays.plus(d, CaseFile.EXTENSION_WORKING_DAYS)));
    }

    @Transactional
    public void serveOrder(long caseId, int version, OfficerPrincipal officer, String number, LocalDate servedOn,
            LocalDate deadline, BigDecimal amount) {
        apply(caseId, version, officer, c -> c.serveOrder(actor(officer), number, servedOn, deadline));
        jdbc.sql("INSERT INTO payment_order (case_id, number, served_on, deadline, amount) VALUES (:c, :n, :s, :d, :a)")
                .param("c", caseId).param("n", number).param("s", Date.valueOf(servedOn)).param("d", Date.valueOf(deadline))
                .param("a", amount == null ? BigDecimal.ZERO : amount).update();
    }

    @Transactional
    public void resolve(long caseId, int version, OfficerPrincipal officer, Outcome outcome, String note,
            BigDecimal recovered) {
        apply(caseId, version, officer, c -> c.resolve(actor(officer), outcome, note, today()));
        jdbc.sql("""
                UPDATE case_file SET outcome = :o, outcome_note = :n, amount_recovered = :r,
                       malicious = malicious OR :referred WHERE id = :id
                """).param("o", outcome.name()).param("n", note).param("r", recovered == null ? BigDecimal.ZERO : recovered)
                .param("referred", outcome == Outcome.REFERRED_TO_POLICE).param("id", caseId).update();
        // The arrears are confirmed: they go on the employer's record, where the deposit rate and credit read them.
        record Respondent(Long employerId, String number, java.math.BigDecimal amountClaimed, int workers) {
        }
        Respondent r = jdbc.sql("SELECT employer_id, number, amount_claimed, workers FROM case_file WHERE id = :id")
                .param("id", caseId).query(Rows.of(Respondent.class)).single();
        if (r.employerId() != null) {
            employers.recordConfirmedArrears(r.employerId(), today(), r.amountClaimed(), r.workers(), r.number(),
                    "案件处理结果：" + CaseLabels.outcome(outcome));
        }
    }

    @Transactional
    public void verifyPayment(long caseId, int version, OfficerPrincipal officer) {
        apply(caseId, version, officer, c -> c.verifyPayment(actor(officer)));
    }

    @Transactional
    public void close(long caseId, int version, OfficerPrincipal officer) {
        apply(caseId, version, officer, c -> c.close(actor(officer)));
        jdbc.sql("UPDATE case_file SET closed_on = :d WHERE id = :id").param("d", Date.valueOf(today())).param("id", caseId).update();
    }

    @Transactional
    public void endTracking(long caseId, int version, OfficerPrincipal officer, String note) {
        apply(caseId, version, officer, c -> c.endTracking(actor(officer), note));
    }

    @Transactional
    public void withdraw(long caseId, int version, OfficerPrincipal officer, String reason) {
        apply(caseId, version, officer, c -> c.withdraw(actor(officer), reason));
        jdbc.sql("UPDATE case_file SET closed_on = :d WHERE id = :id").param("d", Date.valueOf(today())).param("id", caseId).update();
    }

    /**
     * A handling record (call, visit, meeting) that does not change the state: written by an officer who handles
     * cases, into an open case only.
     */
    @Transactional
    public void log(long caseId, OfficerPrincipal officer, String note) {
        if (!officer.hasPermission("casework:case:handle")) {
            throw new org.springframework.security.access.AccessDeniedException("casework:case:handle");
        }
        inScope(caseId, officer);
        if (!load(caseId).status().open()) {
            throw CaseRuleException.of("case.rule.case-handling.19");
        }
        if (note == null || note.isBlank()) {
            throw CaseRuleException.of("case.rule.case-handling.2");
        }
        event(caseId, officer.username(), "LOG", null, null, note);
    }

    /**
     * The first contact with the complainant (a call, a visit), which the channel's clock asks for within a few
     * working days of registration; later contacts are ordinary handling records.
     */
    @Transactional
    public void contact(long caseId, OfficerPrincipal officer, String note) {
        if (!officer.hasPermission("casework:case:accept") && !officer.hasPermission("casework:case:handle")) {
            throw CaseRuleException.of("case.rule.case-handling.3");
        }
        if (note == null || note.isBlank()) {
            throw CaseRuleException.of("case.rule.case-handling.4");
        }
        inScope(caseId, officer);
        jdbc.sql("UPDATE case_file SET first_contacted_on = COALESCE(first_contacted_on, :d) WHERE id = :id")
                .param("d", Date.valueOf(today())).param("id", caseId).update();
        event(caseId, officer.username(), "CONTACT", null, null, note.trim());
    }

    /** Records what reached one worker, with the date and the evidence (bank slip, signed receipt). */
    @Transactional
    public void recordPayment(long caseId, long claimantId, int version, OfficerPrincipal officer, BigDecimal amount,
            LocalDate paidOn, String evidence) {
        if (!officer.hasPermission("casework:case:close")) {
            throw CaseRuleException.of("case.rule.case-handling.5");
        }
        if (amount == null || amount.signum() < 0 || amount.scale() > 2 || paidOn == null || evidence == null || evidence.isBlank()) {
            throw CaseRuleException.of("case.rule.case-handling.6");
        }
        inScope(caseId, officer);
        boolean saved = Versioned.update(jdbc, "case_claimant", "amount_paid = :a, paid_on = :d, payment_evidence = :e")
                .param("a", amount).param("d", Date.valueOf(paidOn)).param("e", evidence.trim())
                .where("case_id = :c").param("c", caseId).by(officer.username()).row(claimantId, version);
        if (!saved) {
            throw CaseRuleException.of("case.rule.case-handling.7");
        }
        event(caseId, officer.username(), "PAYMENT", null, null, "登记发放 " + amount + " 元（" + paidOn + "，凭证：" + evidence.trim() + "）");
    }

    /** Hands the case to a department with a deadline in working days (交办). */
    @Transactional
    public void assign(long caseId, int version, OfficerPrincipal officer, long departmentId, int workingDaysGiven) {
        if (!officer.hasPermission("casework:case:assign")) {
            throw CaseRuleException.of("case.rule.case-handling.8");
        }
        if (workingDaysGiven < 1 || workingDaysGiven > 60) {
            throw CaseRuleException.of("case.rule.case-handling.9");
        }
        inScope(caseId, officer);
        LocalDate due = workingDays.plus(today(), workingDaysGiven);
        jdbc.sql("""
                INSERT INTO case_assignment (case_id, department_id, assigned_on, due_on, assigned_by, status)
                VALUES (:c, :d, :on, :due, :by, 'OPEN')
                """).param("c", caseId).param("d", departmentId).param("on", Date.valueOf(today()))
                .param("due", Date.valueOf(due)).param("by", officer.username()).update();
        if (!Versioned.update(jdbc, "case_file", "department_id = :d").param("d", departmentId).by(officer.username())
                .row(caseId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.1");
        }
        String name = jdbc.sql("SELECT name FROM department WHERE id = :d").param("d", departmentId).query(String.class).single();
        event(caseId, officer.username(), "ASSIGN", null, null, "交办" + name + "，限 " + due + " 前反馈");
    }

    /** The department's answer (反馈); only an officer of that department (or below) answers. */
    @Transactional
    public void answer(long caseId, long assignmentId, int version, OfficerPrincipal officer, String feedback) {
        if (!officer.hasPermission("casework:case:answer")) {
            throw CaseRuleException.of("case.rule.case-handling.10");
        }
        inScope(caseId, officer);
        Long department = jdbc.sql("SELECT department_id FROM case_assignment WHERE id = :a AND case_id = :c AND status IN ('OPEN','REWORK')")
                .param("a", assignmentId).param("c", caseId).query(Long.class).optional()
                .orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.11"));
        if (!officer.scope().departmentIds().contains(department)) {
            throw CaseRuleException.of("case.rule.case-handling.12");
        }
        if (feedback == null || feedback.isBlank()) {
            throw CaseRuleException.of("case.rule.case-handling.13");
        }
        if (!Versioned.update(jdbc, "case_assignment", "status = 'ANSWERED', feedback = :f, answered_on = :d")
                .param("f", feedback).param("d", Date.valueOf(today())).where("case_id = :c AND status IN ('OPEN','REWORK')")
                .param("c", caseId).by(officer.username()).row(assignmentId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.11");
        }
        event(caseId, officer.username(), "ANSWER", null, null, feedback);
    }

    /** The leadership office sends an answer back for rework (退回重办) with a new deadline. */
    @Transactional
    public void rework(long caseId, long assignmentId, int version, OfficerPrincipal officer, String reason) {
        if (!officer.hasPermission("casework:case:rework")) {
            throw CaseRuleException.of("case.rule.case-handling.14");
        }
        if (reason == null || reason.isBlank()) {
            throw CaseRuleException.of("case.rule.case-handling.15");
        }
        inScope(caseId, officer);
        if (!Versioned.update(jdbc, "case_assignment", "status = 'REWORK', due_on = :due")
                .param("due", Date.valueOf(workingDays.plus(today(), 5))).where("case_id = :c AND status = 'ANSWERED'")
                .param("c", caseId).by(officer.username()).row(assignmentId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.16");
        }
        event(caseId, officer.username(), "REWORK", null, null, reason);
    }

    /** Chases an overdue assignment or clock (督办): flagged and recorded for the department to see. */
    @Transactional
    public void supervise(long caseId, OfficerPrincipal officer, String note) {
        if (!officer.hasPermission("casework:case:assign")) {
            throw CaseRuleException.of("case.rule.case-handling.17");
        }
        inScope(caseId, officer);
        String text = note == null || note.isBlank() ? "督办" : note.trim();
        List<Long> departments = jdbc.sql("""
                UPDATE case_assignment SET supervised = TRUE
                 WHERE case_id = :c AND status IN ('OPEN','REWORK') AND due_on < :today RETURNING department_id
                """).param("c", caseId).param("today", Date.valueOf(today())).query(Long.class).list();
        jdbc.sql("""
                INSERT INTO case_supervision (case_id, kind, supervised_on, by_username, note)
                VALUES (:c, 'MANUAL', :today, :by, :note)
                """).param("c", caseId).param("today", Date.valueOf(today())).param("by", officer.username())
                .param("note", text).update();
        event(caseId, officer.username(), "SUPERVISE", null, null, text);
        String number = jdbc.sql("SELECT number FROM case_file WHERE id = :c").param("c", caseId).query(String.class).single();
        Long responsible = jdbc.sql("SELECT department_id FROM case_file WHERE id = :c").param("c", caseId)
                .query(Long.class).optional().orElse(null);
        java.util.Set<Long> recipients = new java.util.LinkedHashSet<>(departments);
        if (responsible != null) {
            recipients.add(responsible);
        }
        recipients.forEach(d -> notifications.send(d, "SUPERVISION", "督办：" + number, text, "/cases/" + caseId));
    }

    private void apply(long caseId, int version, OfficerPrincipal officer, Function<CaseFile, CaseFile.Step> step) {
        inScope(caseId, officer);
        CaseFile file = load(caseId);
        CaseFile.Step done = step.apply(file);
        if (!Versioned.update(jdbc, "case_file", "status = :status, filed_on = :filed, handling_due = :due, extended = :extended")
                .param("status", file.status().name())
                .param("filed", file.filedOn() == null ? null : Date.valueOf(file.filedOn()))
                .param("due", file.handlingDue() == null ? null : Date.valueOf(file.handlingDue()))
                .param("extended", file.extended()).by(officer.username()).row(caseId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.1");
        }
        event(caseId, officer.username(), done.action(), done.from(), done.to(), done.note());
        operationLog.record("CASE_" + done.action(), "case", caseId, CaseLabels.action(done.action())
                + (done.note() == null ? "" : "：" + done.note()));
    }

    CaseFile load(long caseId) {
        record Row(long id, String status, Date filedOn, Date handlingDue, boolean extended, String outcome,
                Date lastOrderDeadline, long claimants, long unpaid) {
        }
        Row r = jdbc.sql("""
                SELECT c.id, c.status, c.filed_on, c.handling_due, c.extended, c.outcome,
                       (SELECT max(deadline) FROM payment_order o WHERE o.case_id = c.id) AS last_order_deadline,
                       (SELECT count(*) FROM case_claimant k WHERE k.case_id = c.id) AS claimants,
                       (SELECT count(*) FROM case_claimant k WHERE k.case_id = c.id AND k.paid_on IS NULL) AS unpaid
                  FROM case_file c WHERE c.id = :id
                """).param("id", caseId).query(Rows.of(Row.class)).optional().orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.18"));
        return new CaseFile(r.id(), CaseStatus.valueOf(r.status()), r.filedOn() == null ? null : r.filedOn().toLocalDate(),
                r.handlingDue() == null ? null : r.handlingDue().toLocalDate(), r.extended(),
                r.lastOrderDeadline() == null ? null : r.lastOrderDeadline().toLocalDate(),
                r.outcome() == null ? null : Outcome.valueOf(r.outcome()), r.claimants() > 0, r.unpaid() == 0);
    }

    private void event(long caseId, String username, String action, CaseStatus from, CaseStatus to, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, on_day, by_username, action, status_from, status_to, note)
                VALUES (:c, :day, :by, :action, :from, :to, :note)
                """).param("c", caseId).param("day", Date.valueOf(today())).param("by", username).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("note", note).update();
    }
}
