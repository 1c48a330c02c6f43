package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.project.WageDeposits;
import org.wageguard.shared.Rows;

/**
 * What a court or the deposit's bank acts on: the administrative decision, not an order to correct. An order to pay
 * (限期改正指令书) not heeded → an administrative decision (行政处理决定书 责令支付, or a penalty decision 行政处罚决定书)
 * served on the party → the review period (60 days, 《行政复议法》第二十条) and the litigation period (6 months,
 * 《行政诉讼法》第四十六条) pass without the party applying or paying → the application to the court within 3 months
 * after (《行政强制法》第五十三条). The deposit is drawn on the case's own decision that went unheeded, never above the
 * arrears the case established (《工程建设领域农民工工资保证金规定》(人社部发〔2021〕65号)第十九条), and the general
 * contractor tops it up within 10 working days (第二十条).
 */
@Service
public class CaseEnforcement {

    /** 《行政复议法》第二十条: 60 days from knowing of the decision (its service). */
    public static final int REVIEW_DAYS = 60;
    /** 《行政诉讼法》第四十六条: 6 months from knowing of the decision. */
    public static final int LITIGATION_MONTHS = 6;
    /** 《行政强制法》第五十三条: within 3 months from the day the periods lapse. */
    public static final int APPLICATION_MONTHS = 3;
    /** The case page warns this many days before the application window closes. */
    public static final int WARNING_DAYS = 30;
    /** 65号第二十条: the general contractor tops up the deposit within 10 working days of its use. */
    public static final int TOP_UP_WORKING_DAYS = 10;

    /**
     * A decision served on the party, as {@link CaseDecisions} recorded it (one register, table {@code case_decision}):
     * kind {@code DECISION} (行政处理决定书) or {@code PENALTY} (行政处罚决定书); {@code deadline} is its 履行期限 (for a fine,
     * {@link CaseDecisions#paymentTerm}); {@code challengedOn} is the day the party applied for review or sued, if it did.
     */
    public record Decision(long id, String kind, String number, LocalDate decidedOn, LocalDate servedOn, LocalDate deadline,
            BigDecimal amount, LocalDate challengedOn, String challenge) {
    }

    /**
     * The dates that follow from a decision's service: the review period ends, the litigation period ends (each moved
     * to the next working day where its last day is a holiday), and the court may be asked from {@code applyFrom} to
     * {@code applyUntil}.
     */
    public record Chain(Decision decision, LocalDate reviewEnds, LocalDate litigationEnds, LocalDate applyFrom,
            LocalDate applyUntil) {

        public boolean open(LocalDate day) {
            return !day.isBefore(applyFrom) && !day.isAfter(applyUntil);
        }

        public long daysLeft(LocalDate day) {
            return ChronoUnit.DAYS.between(day, applyUntil);
        }

        /** The window is open and closes within {@link #WARNING_DAYS}. */
        public boolean closing(LocalDate day) {
            return open(day) && daysLeft(day) <= WARNING_DAYS && decision.challengedOn() == null;
        }
    }

    /** A draw on the project's deposit for this case. */
    public record Draw(long id, BigDecimal amount, LocalDate drawnOn, String decisionNumber, String drawnBy, LocalDate topUpDue) {
    }

    private final JdbcClient jdbc;
    private final CaseHandling handling;
    private final WorkingDays workingDays;
    private final WageDeposits deposits;

    CaseEnforcement(JdbcClient jdbc, CaseHandling handling, WorkingDays workingDays, WageDeposits deposits) {
        this.jdbc = jdbc;
        this.handling = handling;
        this.workingDays = workingDays;
        this.deposits = deposits;
    }

    /** The party applied for review or sued (行政复议、行政诉讼): the court is not asked to enforce that decision. */
    @Transactional
    public void recordChallenge(long caseId, long decisionId, OfficerPrincipal officer, LocalDate on, String note) {
        if (!officer.hasPermission("casework:case:order")) {
            throw CaseRuleException.of("case.rule.case-file.permission", "casework:case:order");
        }
        handling.inScope(caseId, officer);
        if (on == null || note == null || note.isBlank()) {
            throw CaseRuleException.of("case.rule.decision.challenge");
        }
        if (jdbc.sql("""
                UPDATE case_decision SET challenged_on = :d, challenge = :n
                 WHERE id = :id AND case_id = :c AND served_on IS NOT NULL AND amount IS NOT NULL
                """)
                .param("d", Date.valueOf(on)).param("n", note.trim()).param("id", decisionId).param("c", caseId).update() == 0) {
            throw CaseRuleException.of("case.rule.case-handling.18");
        }
        handling.event(caseId, officer.username(), "CHALLENGE", null, null, on + " " + note.trim());
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(long caseId) {
        return jdbc.sql("""
                SELECT id, kind, number, decided_on, served_on, deadline, amount, challenged_on, challenge
                  FROM case_decision WHERE case_id = :c AND served_on IS NOT NULL AND amount IS NOT NULL
                 ORDER BY served_on DESC, id DESC
                """).param("c", caseId).query(Rows.of(Decision.class)).list();
    }

    /** The chain of the latest decision served (empty: none). */
    @Transactional(readOnly = true)
    public Optional<Chain> chain(long caseId) {
        return decisions(caseId).stream().findFirst().map(this::chainOf);
    }

    Chain chainOf(Decision d) {
        LocalDate review = nextWorkingDay(d.servedOn().plusDays(REVIEW_DAYS));
        LocalDate litigation = nextWorkingDay(d.servedOn().plusMonths(LITIGATION_MONTHS));
        LocalDate lapse = review.isAfter(litigation) ? review : litigation;
        return new Chain(d, review, litigation, lapse.plusDays(1), lapse.plusMonths(APPLICATION_MONTHS));
    }

    /** A period whose last day is a holiday ends on the first working day after it. */
    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!workingDays.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Court enforcement (申请人民法院强制执行) only on a decision served whose review and litigation periods passed
     * unheeded, and within the 3 months after (《行政强制法》第五十三条); refused otherwise, with the dates.
     */
    void requireCourtEnforcement(long caseId, LocalDate today) {
        Chain c = chain(caseId).orElseThrow(() -> CaseRuleException.of("case.rule.court.noDecision"));
        Decision d = c.decision();
        String label = CaseRuleException.text("case.decision.kind." + d.kind());
        if (d.challengedOn() != null) {
            throw CaseRuleException.of("case.rule.court.challenged", label, d.number(), d.challengedOn().toString());
        }
        if (today.isBefore(c.applyFrom())) {
            throw CaseRuleException.of("case.rule.court.tooEarly", label, d.number(), d.servedOn().toString(),
                    c.reviewEnds().toString(), c.litigationEnds().toString(), c.applyFrom().toString(), c.applyUntil().toString());
        }
        if (today.isAfter(c.applyUntil())) {
            throw CaseRuleException.of("case.rule.court.tooLate", label, d.number(), c.applyUntil().toString());
        }
    }

    /**
     * 结案 by an administrative decision rests on one made and served on this case: the outcome 行政处理决定 on a
     * 行政处理决定书 (《劳动保障监察条例》第十八条第一款第（二）项), the outcome 行政处罚决定 on a 行政处罚决定书 (第十八条第一款
     * 第（一）项; served as 《行政处罚法》第六十一条 requires). A decision binds the party from its service, and the review
     * and litigation periods run from it (《行政复议法》第二十条, 《行政诉讼法》第四十六条).
     */
    void requireServedDecision(long caseId, Outcome outcome) {
        String kind = outcome == Outcome.ADMINISTRATIVE_PENALTY ? CaseDecisions.DecisionKind.PENALTY.name()
                : CaseDecisions.DecisionKind.DECISION.name();
        String key = outcome == Outcome.ADMINISTRATIVE_PENALTY ? "penalty" : "decision";
        record Made(String number, LocalDate servedOn) {
        }
        Made made = jdbc.sql("SELECT number, served_on FROM case_decision WHERE case_id = :c AND kind = :k")
                .param("c", caseId).param("k", kind).query(Rows.of(Made.class)).optional()
                .orElseThrow(() -> CaseRuleException.of("case.rule.outcome." + key + ".none"));
        if (made.servedOn() == null) {
            throw CaseRuleException.of("case.rule.outcome." + key + ".notServed", made.number());
        }
    }

    /** The draws on the deposit for this case. */
    @Transactional(readOnly = true)
    public List<Draw> draws(long caseId) {
        return jdbc.sql("""
                SELECT w.id, w.amount, w.drawn_on, d.number AS decision_number, w.drawn_by
                  FROM case_deposit_draw w JOIN case_decision d ON d.id = w.decision_id WHERE w.case_id = :c ORDER BY w.id
                """).param("c", caseId).query((rs, i) -> new Draw(rs.getLong(1), rs.getBigDecimal(2),
                        rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        workingDays.plus(rs.getDate(3).toLocalDate(), TOP_UP_WORKING_DAYS))).list();
    }

    /**
     * Draws on the wage deposit of the case's project to pay its workers (动用工资保证金, 65号第十九条): only on the case's
     * own decision ordering payment (行政处理决定) whose deadline passed by {@code on}, never above the arrears the case
     * established less what the workers were paid and what was drawn before. The project's deposit ledger records the
     * draw with the case referenced; the general contractor tops it up within 10 working days (第二十条).
     */
    @Transactional
    public void drawDeposit(long caseId, OfficerPrincipal officer, BigDecimal amount, LocalDate on) {
        if (!officer.hasPermission("casework:case:refer")) {
            throw CaseRuleException.of("case.rule.case-file.permission", "casework:case:refer");
        }
        handling.inScope(caseId, officer);
        if (amount == null || amount.signum() <= 0 || on == null) {
            throw CaseRuleException.of("case.rule.draw.required");
        }
        if (!handling.load(caseId).status().open()) {
            throw CaseRuleException.of("case.rule.case-file.6");
        }
        record Facts(String number, Long projectId) {
        }
        Facts f = jdbc.sql("SELECT number, project_id FROM case_file WHERE id = :c").param("c", caseId)
                .query(Rows.of(Facts.class)).single();
        if (f.projectId() == null) {
            throw CaseRuleException.of("case.rule.draw.noProject");
        }
        Decision decision = decisions(caseId).stream().filter(d -> d.kind().equals(CaseDecisions.DecisionKind.DECISION.name())).findFirst()
                .orElseThrow(() -> CaseRuleException.of("case.rule.draw.noDecision"));
        if (!decision.deadline().isBefore(on)) {
            throw CaseRuleException.of("case.rule.draw.deadlineNotPassed", decision.number(), decision.deadline().toString());
        }
        BigDecimal arrears = handling.confirmedArrears(caseId);
        BigDecimal paid = jdbc.sql("SELECT COALESCE(sum(amount_paid), 0) FROM case_claimant WHERE case_id = :c")
                .param("c", caseId).query(BigDecimal.class).single();
        BigDecimal drawn = jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM case_deposit_draw WHERE case_id = :c")
                .param("c", caseId).query(BigDecimal.class).single();
        BigDecimal most = arrears.subtract(paid).subtract(drawn).max(BigDecimal.ZERO);
        if (amount.compareTo(most) > 0) {
            throw CaseRuleException.of("case.rule.draw.aboveArrears", amount.toPlainString(), arrears.toPlainString(),
                    paid.toPlainString(), drawn.toPlainString(), most.toPlainString());
        }
        String reference = f.number() + " · " + decision.number();
        try {
            deposits.drawForCase(f.projectId(), amount, on, reference, "依案件 " + f.number() + " 的行政处理决定 "
                    + decision.number() + " 动用（人社部发〔2021〕65号第十九条）");
        } catch (WageDeposits.LedgerRuleException e) {
            throw new CaseRuleException(e.getMessage());
        }
        jdbc.sql("""
                INSERT INTO case_deposit_draw (case_id, project_id, decision_id, amount, drawn_on, drawn_by)
                VALUES (:c, :p, :d, :a, :on, :by)
                """).param("c", caseId).param("p", f.projectId()).param("d", decision.id()).param("a", amount)
                .param("on", Date.valueOf(on)).param("by", officer.username()).update();
        handling.event(caseId, officer.username(), "DEPOSIT_DRAW", null, null, "动用工资保证金 " + amount.toPlainString()
                + " 元（依 " + decision.number() + "，65号第十九条）；施工总承包单位应于 "
                + workingDays.plus(on, TOP_UP_WORKING_DAYS) + " 前补足（第二十条）");
    }

    /** DEPOSIT_DRAWN records a draw that happened: the ledger holds an entry for this case. */
    void requireDraw(long caseId) {
        if (jdbc.sql("SELECT count(*) FROM case_deposit_draw WHERE case_id = :c").param("c", caseId).query(Long.class).single() == 0) {
            throw CaseRuleException.of("case.rule.draw.none");
        }
    }
}
