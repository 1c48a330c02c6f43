package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.ArrearsConfirmed;
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
    private final ApplicationEventPublisher events;

    private final CaseClocks clocks;
    private final Notifications notifications;
    private final CaseIntake intake;
    private final DocumentNumbers documentNumbers;
    private final ScopedRecords records;
    private final org.springframework.beans.factory.ObjectProvider<CaseEnforcement> enforcement;

    CaseHandling(JdbcClient jdbc, WorkingDays workingDays, OperationLog operationLog, Clock clock, ApplicationEventPublisher events,
            CaseClocks clocks, Notifications notifications, CaseIntake intake, DocumentNumbers documentNumbers,
            ScopedRecords records, org.springframework.beans.factory.ObjectProvider<CaseEnforcement> enforcement) {
        this.enforcement = enforcement;
        this.documentNumbers = documentNumbers;
        this.intake = intake;
        this.records = records;
        this.clocks = clocks;
        this.notifications = notifications;
        this.events = events;
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every step first resolves the case within the officer's data scope (else 404), whoever calls it. */
    void inScope(long caseId, OfficerPrincipal officer) {
        records.require(officer.scope(), CaseQueries.CASES, caseId);
    }

    static CaseFile.Actor actor(OfficerPrincipal officer) {
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
        events.publishEvent(new MatterProgressed(caseId, MatterProgressed.Step.ACCEPTED, 0, null, null));
    }

    @Transactional
    public void refuse(long caseId, int version, OfficerPrincipal officer, String reason) {
        apply(caseId, version, officer, c -> c.refuse(actor(officer), reason));
        jdbc.sql("UPDATE case_file SET refusal_reason = :r, closed_on = :d WHERE id = :id").param("r", reason)
                .param("d", Date.valueOf(today())).param("id", caseId).update();
    }

    /**
     * Coordination (协调处理) runs inside the handling clock, not before it: its own deadline never reaches past the
     * 60 working days counted from acceptance, the day a complaint is filed (《劳动保障监察条例》第十七条;
     * 《关于实施〈劳动保障监察条例〉若干规定》第十八条: 受理之日立案).
     */
    @Transactional
    public void coordinate(long caseId, int version, OfficerPrincipal officer) {
        Channel channel = Channel.valueOf(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId)
                .query(String.class).optional().orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.1")));
        int days = clocks.of(channel).coordinationDays();
        LocalDate limit = workingDays.plus(clockStart(caseId), CaseFile.FILED_WORKING_DAYS);
        apply(caseId, version, officer, c -> c.coordinate(actor(officer), today(), days, d -> {
            LocalDate own = workingDays.plus(d, days);
            return own.isAfter(limit) ? limit : own;
        }));
    }

    /**
     * Formal filing (立案) on the approval of the head of the labor inspection body ({@link CaseApprovals}), with the
     * inspectors named in the request — officers holding inspector accounts (《劳动保障监察条例》第十六条). The 60
     * working days run from the day of acceptance, when the complaint is filed by law; coordinating first does not
     * start a fresh clock.
     */
    void file(long caseId, int version, OfficerPrincipal approver, String named) {
        LocalDate start = clockStart(caseId);
        apply(caseId, version, approver, c -> c.file(actor(approver), today(), named,
                d -> workingDays.plus(start, CaseFile.FILED_WORKING_DAYS)));
        jdbc.sql("UPDATE case_file SET inspectors = :i WHERE id = :id").param("i", named).param("id", caseId).update();
    }

    /** The day the handling clock starts: acceptance (the day of filing by law), or today for a case not accepted. */
    LocalDate clockStart(long caseId) {
        return jdbc.sql("SELECT accepted_on FROM case_file WHERE id = :id").param("id", caseId).query(Date.class).optional()
                .map(Date::toLocalDate).orElse(today());
    }

    /**
     * The inspectors named, each an enabled officer with the labor inspector's role, by account or by name; refused
     * with the name that is none, or when fewer than two distinct officers are named.
     */
    String inspectorAccounts(String inspectors) {
        java.util.LinkedHashMap<String, String> officers = new java.util.LinkedHashMap<>();
        for (String token : inspectors == null ? new String[0] : inspectors.trim().split("[,，、;；\\s]+")) {
            if (token.isBlank()) {
                continue;
            }
            record Inspector(String username, String displayName) {
            }
            List<Inspector> found = jdbc.sql("""
                    SELECT o.username, o.display_name FROM officer_directory o
                     WHERE (o.username = :t OR o.display_name = :t) AND o.enabled
                       AND EXISTS (SELECT 1 FROM officer_role r WHERE r.officer_id = o.id AND r.role_code = 'LABOR_INSPECTOR')
                    """).param("t", token).query(Rows.of(Inspector.class)).list();
            if (found.size() != 1) {
                throw CaseRuleException.of(found.isEmpty() ? "case.rule.inspector.unknown" : "case.rule.inspector.ambiguous", token);
            }
            officers.put(found.get(0).username(), found.get(0).displayName() + "（" + found.get(0).username() + "）");
        }
        if (officers.size() < 2) {
            throw CaseRuleException.of("case.rule.case-file.1");
        }
        return String.join("、", officers.values());
    }

    /** The extension by 30 working days on the department head's approval ({@link CaseApprovals}). */
    void extend(long caseId, int version, OfficerPrincipal approver) {
        apply(caseId, version, approver, c -> c.extend(actor(approver), d -> workingDays.plus(d, CaseFile.EXTENSION_WORKING_DAYS)));
    }

    @Transactional
    public void serveOrder(long caseId, int version, OfficerPrincipal officer, String number, LocalDate servedOn,
            LocalDate deadline, BigDecimal amount) {
        // Left empty, the order takes the next number of the region's orders of the year (沅人社监令〔2026〕8号).
        long orders = jdbc.sql("SELECT count(*) FROM payment_order WHERE case_id = :c").param("c", caseId).query(Long.class).single();
        String n = number != null && !number.isBlank() ? number.trim() : servedOn == null ? null
                : documentNumbers.number(caseId, "ORDER", orders + 1, servedOn, officer.username());
        apply(caseId, version, officer, c -> c.serveOrder(actor(officer), n, servedOn, deadline));
        jdbc.sql("INSERT INTO payment_order (case_id, number, served_on, deadline, amount) VALUES (:c, :n, :s, :d, :a)")
                .param("c", caseId).param("n", n).param("s", Date.valueOf(servedOn)).param("d", Date.valueOf(deadline))
                .param("a", amount == null ? BigDecimal.ZERO : amount).update();
    }

    @Transactional
    public void resolve(long caseId, int version, OfficerPrincipal officer, Outcome outcome, String note,
            BigDecimal recovered) {
        // The arrears confirmed go on the employer's record with their amount: a case that names no worker and no
        // amount yet (from an alert, an anonymous report) is told to add them first, instead of failing.
        inScope(caseId, officer);
        BigDecimal arrears = confirmedArrears(caseId);
        if (outcome.confirmsArrears() && arrears.signum() <= 0) {
            throw CaseRuleException.of("case.rule.resolve.noArrears");
        }
        // A court enforces a decision whose review and litigation periods passed (《行政强制法》第五十三条); a deposit
        // drawn is one the ledger holds for this case (65号第十九条).
        if (outcome == Outcome.COURT_ENFORCEMENT && officer.hasPermission("casework:case:refer")) {
            enforcement.getObject().requireCourtEnforcement(caseId, today());
        }
        if (outcome == Outcome.DEPOSIT_DRAWN && officer.hasPermission("casework:case:refer")) {
            enforcement.getObject().requireDraw(caseId);
        }
        // 结案 by a decision rests on the decision made and served on this case (《劳动保障监察条例》第十八条第一款).
        if (outcome.restsOnDecision() && officer.hasPermission("casework:case:handle")) {
            enforcement.getObject().requireServedDecision(caseId, outcome);
        }
        apply(caseId, version, officer, c -> c.resolve(actor(officer), outcome, note, today()));
        jdbc.sql("""
                UPDATE case_file SET outcome = :o, outcome_note = :n, amount_recovered = :r,
                       malicious = malicious OR :referred WHERE id = :id
                """).param("o", outcome.name()).param("n", note).param("r", recovered == null ? BigDecimal.ZERO : recovered)
                .param("referred", outcome == Outcome.REFERRED_TO_POLICE).param("id", caseId).update();
        // The arrears are confirmed: they go on the employer's record, where the deposit rate and credit read them
        // (the employer module records them once this commits).
        record Respondent(Long employerId, String number, int workers) {
        }
        Respondent r = jdbc.sql("SELECT employer_id, number, workers FROM case_file WHERE id = :id")
                .param("id", caseId).query(Rows.of(Respondent.class)).single();
        // 查无实据, 移交他处 and the matters left to arbitration, mediation or a court confirm no arrears of the employer.
        if (r.employerId() != null && outcome.confirmsArrears()) {
            events.publishEvent(new ArrearsConfirmed(r.employerId(), today(), arrears, r.workers(), r.number(),
                    "案件处理结果：" + CaseLabels.outcome(outcome)));
        }
    }

    /** The arrears the case confirms: the workers' confirmed amounts, or the amount claimed where it names none. */
    BigDecimal confirmedArrears(long caseId) {
        return jdbc.sql("""
                SELECT CASE WHEN EXISTS (SELECT 1 FROM case_claimant k WHERE k.case_id = c.id)
                            THEN (SELECT sum(amount_confirmed) FROM case_claimant k WHERE k.case_id = c.id)
                            ELSE c.amount_claimed END
                  FROM case_file c WHERE c.id = :id
                """).param("id", caseId).query(BigDecimal.class).optional()
                .orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.18"));
    }

    /**
     * The money is in every worker's hands, in full, or the shortfall's reason is recorded (the worker's signed
     * acknowledgement of a settlement, say): 《保障农民工工资支付条例》第三条 gives the worker the right to be paid in full.
     */
    @Transactional
    public void verifyPayment(long caseId, int version, OfficerPrincipal officer) {
        List<String> unsettled = jdbc.sql("""
                SELECT name || '（核定 ' || amount_confirmed || ' 元，已发放 ' || amount_paid || ' 元，差额 '
                       || (amount_confirmed - amount_paid) || ' 元）'
                  FROM case_claimant WHERE case_id = :c AND amount_paid < amount_confirmed AND shortfall_reason IS NULL ORDER BY id
                """).param("c", caseId).query(String.class).list();
        if (!unsettled.isEmpty() && officer.hasPermission("casework:case:close")) {
            throw CaseRuleException.of("case.rule.payment.shortfall", String.join("、", unsettled));
        }
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

    /**
     * How a payment reached the worker: 《保障农民工工资支付条例》第十一条 allows money only, by bank transfer or in
     * cash to the worker in person; a draw on the wage deposit and money the court enforced reach them the same way.
     */
    public enum PaymentManner {
        BANK_TRANSFER, CASH, DEPOSIT_DRAW, COURT
    }

    /**
     * One worker's line of the payments table on the case page: the confirmed amount (核定), a new payment (amount,
     * date, manner, evidence; all empty for none) and the reason for a shortfall. {@code version} is the worker's row
     * as the page showed it.
     */
    public record PaymentLine(long claimantId, int version, BigDecimal confirmed, BigDecimal amount, LocalDate paidOn,
            PaymentManner manner, String evidence, String shortfallReason) {

        boolean hasPayment() {
            return amount != null || (evidence != null && !evidence.isBlank());
        }
    }

    /** Records what reached one worker, with the date and the evidence (bank slip, signed receipt). */
    @Transactional
    public void recordPayment(long caseId, long claimantId, int version, OfficerPrincipal officer, BigDecimal amount,
            LocalDate paidOn, String evidence) {
        recordPayments(caseId, officer, List.of(new PaymentLine(claimantId, version, null, amount, paidOn,
                PaymentManner.BANK_TRANSFER, evidence, null)));
    }

    /**
     * Saves the payments table at once: every worker's line with a change is written against the version the page
     * showed (a line another officer saved in between refuses the whole table, nothing is written), each payment
     * becomes an instalment of its own, linked to the bank's disbursement row to the same payee of the same amount on
     * the same day when there is one. A worker counts as paid when paid in full (第三条 按时足额); ¥0 is no payment.
     */
    @Transactional
    public int recordPayments(long caseId, OfficerPrincipal officer, List<PaymentLine> lines) {
        if (!officer.hasPermission("casework:case:close")) {
            throw CaseRuleException.of("case.rule.case-handling.5");
        }
        CaseStatus status = load(caseId).status();
        if (!PAYABLE.contains(status)) {
            throw CaseRuleException.of("case.rule.payment.state", CaseRuleException.text("enum.CaseStatus." + status));
        }
        inScope(caseId, officer);
        int payments = 0;
        BigDecimal paid = BigDecimal.ZERO;
        for (PaymentLine line : lines) {
            record Worker(String name, String idNumberHash, BigDecimal amountConfirmed, String shortfallReason) {
            }
            Worker w = jdbc.sql("SELECT name, id_number_hash, amount_confirmed, shortfall_reason FROM case_claimant WHERE id = :k AND case_id = :c")
                    .param("k", line.claimantId()).param("c", caseId).query(Rows.of(Worker.class)).optional()
                    .orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.7"));
            BigDecimal confirmed = line.confirmed() == null ? w.amountConfirmed() : line.confirmed();
            String reason = line.shortfallReason() == null || line.shortfallReason().isBlank() ? null : line.shortfallReason().trim();
            boolean confirmedChanged = confirmed.compareTo(w.amountConfirmed()) != 0;
            boolean reasonChanged = !java.util.Objects.equals(reason, w.shortfallReason());
            if (!line.hasPayment() && !confirmedChanged && !reasonChanged) {
                continue;
            }
            if (confirmed.signum() < 0 || confirmed.scale() > 2) {
                throw CaseRuleException.of("case.rule.payment.confirmed", w.name());
            }
            if (line.hasPayment()) {
                if (line.amount() == null || line.amount().scale() > 2 || line.paidOn() == null || line.manner() == null
                        || line.evidence() == null || line.evidence().isBlank()) {
                    throw CaseRuleException.of("case.rule.payment.incomplete", w.name());
                }
                if (line.amount().signum() <= 0) {
                    throw CaseRuleException.of("case.rule.payment.zero", w.name());
                }
                if (line.paidOn().isAfter(today())) {
                    throw CaseRuleException.of("case.rule.payment.future", w.name());
                }
            }
            if (!Versioned.update(jdbc, "case_claimant", "amount_confirmed = :confirmed, shortfall_reason = :reason")
                    .param("confirmed", confirmed).param("reason", reason).where("case_id = :c").param("c", caseId)
                    .by(officer.username()).row(line.claimantId(), line.version())) {
                throw CaseRuleException.of("case.rule.case-handling.7");
            }
            if (confirmedChanged) {
                event(caseId, officer.username(), "CONFIRM_AMOUNT", null, null, w.name() + " 核定欠薪 " + confirmed + " 元");
            }
            if (reasonChanged && reason != null) {
                event(caseId, officer.username(), "SHORTFALL_REASON", null, null, w.name() + " 未足额发放原因：" + reason);
            }
            if (line.hasPayment()) {
                Long disbursement = jdbc.sql("""
                        SELECT d.id FROM published_disbursement d
                         WHERE d.current AND d.status = 'SUCCESS' AND d.amount = :a AND d.value_date = :d
                           AND (d.payee_id_hash = :hash OR (CAST(:hash AS VARCHAR) IS NULL AND d.payee_name = :name))
                           AND NOT EXISTS (SELECT 1 FROM case_payment p WHERE p.disbursement_id = d.id)
                         ORDER BY d.id LIMIT 1
                        """).param("a", line.amount()).param("d", Date.valueOf(line.paidOn())).param("hash", w.idNumberHash())
                        .param("name", w.name()).query(Long.class).optional().orElse(null);
                jdbc.sql("""
                        INSERT INTO case_payment (case_id, claimant_id, paid_on, amount, manner, evidence, disbursement_id, recorded_by)
                        VALUES (:c, :k, :d, :a, :m, :e, :disb, :by)
                        """).param("c", caseId).param("k", line.claimantId()).param("d", Date.valueOf(line.paidOn()))
                        .param("a", line.amount()).param("m", line.manner().name()).param("e", line.evidence().trim())
                        .param("disb", disbursement).param("by", officer.username()).update();
                payments++;
                paid = paid.add(line.amount());
                event(caseId, officer.username(), "PAYMENT", null, null, w.name() + " 登记发放 " + line.amount() + " 元（"
                        + line.paidOn() + "，" + CaseRuleException.text("case.payment.manner." + line.manner()) + "，凭证："
                        + line.evidence().trim() + (disbursement == null ? "" : "，已匹配银行代发流水") + "）");
            }
            // What the worker has in hand: the sum of the instalments; paid (paid_on) only when in full and above ¥0.
            jdbc.sql("""
                    UPDATE case_claimant k SET amount_paid = s.paid,
                           paid_on = CASE WHEN s.paid > 0 AND s.paid >= k.amount_confirmed THEN s.last ELSE NULL END
                      FROM (SELECT COALESCE(sum(amount), 0) AS paid, max(paid_on) AS last FROM case_payment WHERE claimant_id = :k) s
                     WHERE k.id = :k
                    """).param("k", line.claimantId()).update();
        }
        if (payments > 0) {
            long last = jdbc.sql("SELECT max(id) FROM case_payment WHERE case_id = :c").param("c", caseId)
                    .query(Long.class).single();
            events.publishEvent(new MatterProgressed(caseId, MatterProgressed.Step.PAID, last, null, paid));
        }
        return payments;
    }

    /** The states in which payments to the workers are recorded: from the first handling to the verification. */
    static final java.util.Set<CaseStatus> PAYABLE = java.util.Set.of(CaseStatus.COORDINATING, CaseStatus.FILED,
            CaseStatus.ORDERED, CaseStatus.RESOLVED);

    /**
     * Adds a worker to an existing case (a case from an alert or an anonymous report names none at first): the
     * case's worker count and amount claimed grow with them.
     */
    @Transactional
    public void addClaimant(long caseId, int version, OfficerPrincipal officer, Intake.Claimant claimant) {
        if (!officer.hasPermission("casework:case:handle")) {
            throw CaseRuleException.of("case.rule.claimant.permission");
        }
        inScope(caseId, officer);
        if (claimant.name() == null || claimant.name().isBlank()) {
            throw CaseRuleException.of("case.rule.claimant.name");
        }
        if (claimant.amountClaimed() == null || claimant.amountClaimed().signum() <= 0 || claimant.amountClaimed().scale() > 2) {
            throw CaseRuleException.of("case.rule.claimant.amount");
        }
        if (!load(caseId).status().open()) {
            throw CaseRuleException.of("case.rule.case-file.6");
        }
        if (!Versioned.update(jdbc, "case_file", """
                workers = GREATEST(workers, (SELECT count(*) + 1 FROM case_claimant k WHERE k.case_id = :c)),
                amount_claimed = GREATEST(amount_claimed, :amount + (SELECT COALESCE(sum(amount_claimed), 0) FROM case_claimant k WHERE k.case_id = :c)),
                group_case = group_case OR (SELECT count(*) + 1 FROM case_claimant k WHERE k.case_id = :c) >= :group
                """).param("c", caseId).param("amount", claimant.amountClaimed()).param("group", CaseIntake.GROUP_CASE_WORKERS)
                .by(officer.username()).row(caseId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.1");
        }
        intake.addClaimant(caseId, claimant);
        event(caseId, officer.username(), "ADD_CLAIMANT", null, null, "补充登记农民工 " + claimant.name().trim() + "，主张 "
                + claimant.amountClaimed() + " 元");
    }

    /** Hands the case to a department with a deadline in working days (交办). */
    @Transactional
    public void assign(long caseId, int version, OfficerPrincipal officer, long departmentId, int workingDaysGiven) {
        assign(caseId, version, officer, departmentId, workingDaysGiven, null);
    }

    /**
     * Hands the case to a department (交办), citing, where given, the member unit's duty it enforces (a duty of the
     * leadership group's records, {@code leadership.LeadershipGroup}); the duty must be that department's own.
     */
    @Transactional
    public void assign(long caseId, int version, OfficerPrincipal officer, long departmentId, int workingDaysGiven,
            Long dutyId) {
        if (dutyId != null && jdbc.sql("SELECT count(*) FROM published_member_duty WHERE id = :u AND department_id = :d")
                .param("u", dutyId).param("d", departmentId).query(Long.class).single() == 0) {
            throw CaseRuleException.of("case.assign.dutyNotOfDepartment");
        }
        if (!officer.hasPermission("casework:case:assign")) {
            throw CaseRuleException.of("case.rule.case-handling.8");
        }
        if (workingDaysGiven < 1 || workingDaysGiven > 60) {
            throw CaseRuleException.of("case.rule.case-handling.9");
        }
        inScope(caseId, officer);
        LocalDate due = workingDays.plus(today(), workingDaysGiven);
        long assignmentId = jdbc.sql("""
                INSERT INTO case_assignment (case_id, department_id, assigned_on, due_on, assigned_by, status, duty_id)
                VALUES (:c, :d, :on, :due, :by, 'OPEN', :duty) RETURNING id
                """).param("c", caseId).param("d", departmentId).param("duty", dutyId).param("on", Date.valueOf(today()))
                .param("due", Date.valueOf(due)).param("by", officer.username()).query(Long.class).single();
        if (!Versioned.update(jdbc, "case_file", "department_id = :d").param("d", departmentId).by(officer.username())
                .row(caseId, version)) {
            throw CaseRuleException.of("case.rule.case-handling.1");
        }
        String name = jdbc.sql("SELECT name FROM department WHERE id = :d").param("d", departmentId).query(String.class).single();
        event(caseId, officer.username(), "ASSIGN", null, null, "交办" + name + "，限 " + due + " 前反馈");
        events.publishEvent(new MatterProgressed(caseId, MatterProgressed.Step.ASSIGNED, assignmentId, departmentId, null));
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

    void apply(long caseId, int version, OfficerPrincipal officer, Function<CaseFile, CaseFile.Step> step) {
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
                       (SELECT count(*) FROM case_claimant k WHERE k.case_id = c.id AND k.amount_paid < k.amount_confirmed
                          AND k.shortfall_reason IS NULL) AS unpaid
                  FROM case_file c WHERE c.id = :id
                """).param("id", caseId).query(Rows.of(Row.class)).optional().orElseThrow(() -> CaseRuleException.of("case.rule.case-handling.18"));
        return new CaseFile(r.id(), CaseStatus.valueOf(r.status()), r.filedOn() == null ? null : r.filedOn().toLocalDate(),
                r.handlingDue() == null ? null : r.handlingDue().toLocalDate(), r.extended(),
                r.lastOrderDeadline() == null ? null : r.lastOrderDeadline().toLocalDate(),
                r.outcome() == null ? null : Outcome.valueOf(r.outcome()), r.claimants() > 0, r.unpaid() == 0);
    }

    void event(long caseId, String username, String action, CaseStatus from, CaseStatus to, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, on_day, by_username, action, status_from, status_to, note)
                VALUES (:c, :day, :by, :action, :from, :to, :note)
                """).param("c", caseId).param("day", Date.valueOf(today())).param("by", username).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("note", note).update();
    }
}
