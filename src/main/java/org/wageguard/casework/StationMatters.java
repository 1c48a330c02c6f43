package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.OutOfScopeException;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;

/**
 * The town labor-security station's matters (乡镇/街道劳动保障所, the "network" half of 两网化): a grid worker's clue in
 * a town with a station is received by the station first, not by the bureau; the station mediates on the spot and
 * records the agreement (《劳动争议调解仲裁法》第十条、第十四条) and what was paid; a mediated matter whose agreed
 * amount is paid is settled at the station (the case closes with the outcome "mediated", counted in the statistics);
 * what the station cannot settle it hands up to the bureau, which acknowledges it (签收) within the region's deadline.
 * The matter is the casework case itself (case_file): the station's steps are one more stage of the same case.
 */
@Service
public class StationMatters {

    /** The station's own role: a station officer's data scope is the town (street) of their account's region. */
    public static final String ROLE = "STATION_OFFICER";

    /**
     * Days within which a mediation must reach an agreement (《劳动争议调解仲裁法》第十四条第三款：自劳动争议调解组织收到
     * 调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁): past it, the station hands the matter up.
     */
    public static final int MEDIATION_DAYS = 15;

    /** The bureau's acknowledgement deadline where no region sets one: no law fixes it (station_setting). */
    public static final int DEFAULT_ACKNOWLEDGE_DAYS = 3;

    static final ScopeColumns COLUMNS = ScopeColumns.of("m.region_code", null, null, null, null);

    public enum Stage { AT_STATION, SETTLED, HANDED_UP }

    public enum Manner { BANK_TRANSFER, CASH }

    /** A matter as the queues list it; {@code overdue} red: past its mediation period, or its handover unacknowledged past due. */
    public record Matter(long caseId, String number, String regionCode, String regionName, String employerName,
            int workers, BigDecimal amountClaimed, String description, String stage, LocalDate receivedOn,
            LocalDate mediationDue, String employerParty, String workerParty, LocalDate agreedOn,
            BigDecimal agreedAmount, LocalDate agreedPayBy, String agreementTerms, String mediatedBy,
            LocalDate settledOn, LocalDate handedUpOn, String handoverReason, LocalDate acknowledgeDue,
            Timestamp acknowledgedAt, String acknowledgedBy, BigDecimal paid, int workersPaid, int version,
            boolean overdue) {

        public boolean atStation() {
            return Stage.AT_STATION.name().equals(stage);
        }

        public boolean mediated() {
            return agreedOn != null;
        }

        public boolean handedUp() {
            return Stage.HANDED_UP.name().equals(stage);
        }

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /** The mediation agreement (调解协议) as the station writes it down. */
    public record Agreement(String employerParty, String workerParty, LocalDate agreedOn, BigDecimal amount,
            LocalDate payBy, String terms) {
    }

    /** One payment made under the agreement: how much, when, to how many workers, how, and the evidence. */
    public record Payment(long id, LocalDate paidOn, BigDecimal amount, int workers, String manner, String evidence,
            String recordedBy) {
    }

    /** A station's figures over a period (统计口径: the matters received in the period, see station_daily_figure). */
    public record Figures(String regionCode, String regionName, long received, long mediated, long settled,
            BigDecimal recovered, long workersPaid, long handedUp, long acknowledged) {
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final CaseClocks clocks;
    private final OperationLog operationLog;
    private final Clock clock;

    StationMatters(JdbcClient jdbc, WorkingDays workingDays, CaseClocks clocks, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.clocks = clocks;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** Whether a town (street) has a station: an enabled officer with the station role whose region is the town. */
    @Transactional(readOnly = true)
    public boolean hasStation(String townCode) {
        return townCode != null && townCode.length() == 9 && jdbc.sql("""
                SELECT count(*) FROM officer_directory o JOIN officer_role r ON r.officer_id = o.id
                 WHERE o.region_code = :t AND o.enabled AND r.role_code = :role
                """).param("t", townCode).param("role", ROLE).query(Long.class).single() > 0;
    }

    /** A region's name (the station's town or street). */
    @Transactional(readOnly = true)
    public String regionName(String regionCode) {
        return jdbc.sql("SELECT name FROM region WHERE code = :r").param("r", regionCode).query(String.class).optional()
                .orElse(regionCode);
    }

    /** The name of the town whose station holds the case, if a station received it. */
    @Transactional(readOnly = true)
    public Optional<String> stationOf(long caseId) {
        return jdbc.sql("SELECT r.name FROM station_matter m JOIN region r ON r.code = m.region_code WHERE m.case_id = :c")
                .param("c", caseId).query(String.class).optional();
    }

    /** The clue just registered goes to the town's station first (called by {@link GridClues} in its transaction). */
    void receive(long caseId, String townCode) {
        LocalDate today = today();
        jdbc.sql("""
                INSERT INTO station_matter (case_id, region_code, received_on, mediation_due, updated_by)
                VALUES (:c, :r, :d, :due, :by)
                """).param("c", caseId).param("r", townCode).param("d", Date.valueOf(today))
                .param("due", Date.valueOf(today.plusDays(MEDIATION_DAYS))).param("by", "system").update();
        // While the station has it, the bureau's acceptance clock waits for the station's mediation period.
        jdbc.sql("UPDATE case_file SET accept_due = GREATEST(accept_due, :due) WHERE id = :c")
                .param("due", Date.valueOf(today.plusDays(MEDIATION_DAYS))).param("c", caseId).update();
        event(caseId, "STATION_RECEIVE", null, null, "由乡镇（街道）劳动保障所先行办理");
    }

    private static final String SELECT = """
            SELECT m.case_id, c.number, m.region_code, r.name AS region_name, c.employer_name, c.workers,
                   c.amount_claimed, c.description, m.stage, m.received_on, m.mediation_due, m.employer_party,
                   m.worker_party, m.agreed_on, m.agreed_amount, m.agreed_pay_by, m.agreement_terms, m.mediated_by,
                   m.settled_on, m.handed_up_on, m.handover_reason, m.acknowledge_due, m.acknowledged_at,
                   m.acknowledged_by, COALESCE(p.paid, 0) AS paid, COALESCE(p.workers, 0) AS workers_paid, m.version,
                   ((m.stage = 'AT_STATION' AND m.mediation_due < :today)
                    OR (m.stage = 'HANDED_UP' AND m.acknowledged_at IS NULL AND m.acknowledge_due < :today)) AS overdue
              FROM station_matter m JOIN case_file c ON c.id = m.case_id JOIN region r ON r.code = m.region_code
              LEFT JOIN (SELECT case_id, sum(amount) AS paid, max(workers) AS workers FROM station_payment
                          GROUP BY case_id) p ON p.case_id = m.case_id
            """;

    /** The station's queue: its matters, those still at the station first, overdue first, then newest. */
    @Transactional(readOnly = true)
    public List<Matter> queue(DataScope scope) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        return jdbc.sql(SELECT + " WHERE " + predicate.sql() + " " + """
                 ORDER BY (m.stage = 'AT_STATION') DESC, (m.stage = 'HANDED_UP' AND m.acknowledged_at IS NULL) DESC,
                          m.received_on DESC, m.case_id DESC LIMIT 200""").params(predicate.parameters())
                .param("today", Date.valueOf(today())).query(Rows.of(Matter.class)).list();
    }

    /** The handovers the bureau sees: unacknowledged first (overdue first among them), then the latest. */
    @Transactional(readOnly = true)
    public List<Matter> handovers(DataScope scope) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        return jdbc.sql(SELECT + " WHERE m.stage = 'HANDED_UP' AND " + predicate.sql() + " " + """
                 ORDER BY (m.acknowledged_at IS NULL) DESC, m.acknowledge_due, m.handed_up_on DESC, m.case_id DESC
                 LIMIT 200""").params(predicate.parameters()).param("today", Date.valueOf(today()))
                .query(Rows.of(Matter.class)).list();
    }

    /** One matter within the scope; another town's matter is as if it did not exist. */
    @Transactional(readOnly = true)
    public Optional<Matter> find(DataScope scope, long caseId) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        return jdbc.sql(SELECT + " WHERE m.case_id = :id AND " + predicate.sql()).params(predicate.parameters())
                .param("id", caseId).param("today", Date.valueOf(today())).query(Rows.of(Matter.class)).optional();
    }

    @Transactional(readOnly = true)
    public List<Payment> payments(long caseId) {
        return jdbc.sql("""
                SELECT id, paid_on, amount, workers, manner, evidence, recorded_by FROM station_payment
                 WHERE case_id = :c ORDER BY paid_on, id
                """).param("c", caseId).query(Rows.of(Payment.class)).list();
    }

    /**
     * Records the mediation agreement (《劳动争议调解仲裁法》第十四条: the agreement in writing, with the parties): the
     * parties, the day it was reached, the agreed amount and the day by which it is to be paid.
     */
    @Transactional
    public void mediate(OfficerPrincipal officer, long caseId, int version, Agreement a) {
        Matter m = held(officer, caseId, version);
        if (a.employerParty() == null || a.employerParty().isBlank() || a.workerParty() == null
                || a.workerParty().isBlank()) {
            throw CaseRuleException.of("station.rule.parties");
        }
        if (a.agreedOn() == null || a.amount() == null || a.payBy() == null) {
            throw CaseRuleException.of("station.rule.agreementRequired");
        }
        if (a.amount().signum() <= 0 || a.amount().scale() > 2) {
            throw CaseRuleException.of("station.rule.amount");
        }
        if (a.agreedOn().isBefore(m.receivedOn()) || a.agreedOn().isAfter(today())) {
            throw CaseRuleException.of("station.rule.agreedOn", m.receivedOn());
        }
        if (a.payBy().isBefore(a.agreedOn())) {
            throw CaseRuleException.of("station.rule.payBy");
        }
        Versioned.update(jdbc, "station_matter", """
                employer_party = :ep, worker_party = :wp, agreed_on = :on, agreed_amount = :amount, agreed_pay_by = :by,
                agreement_terms = :terms, mediated_by = :mediator""")
                .param("ep", a.employerParty().strip()).param("wp", a.workerParty().strip())
                .param("on", Date.valueOf(a.agreedOn())).param("amount", a.amount()).param("by", Date.valueOf(a.payBy()))
                .param("terms", a.terms() == null || a.terms().isBlank() ? null : a.terms().strip())
                .param("mediator", officer.username()).key("case_id").by(officer.username()).existingRow(caseId, version);
        String note = "调解协议：" + a.employerParty().strip() + " 与 " + a.workerParty().strip() + " 约定于 " + a.payBy()
                + " 前支付 " + a.amount().toPlainString() + " 元";
        event(caseId, "STATION_MEDIATE", null, null, note);
        operationLog.record("STATION_MEDIATE", "case", caseId, m.number() + " " + note);
    }

    /** Records a payment made under the agreement; a payment before the agreement, or of ¥0, is refused. */
    @Transactional
    public void pay(OfficerPrincipal officer, long caseId, int version, LocalDate paidOn, BigDecimal amount, int workers,
            Manner manner, String evidence) {
        Matter m = held(officer, caseId, version);
        if (!m.mediated()) {
            throw CaseRuleException.of("station.rule.payBeforeAgreement");
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw CaseRuleException.of("station.rule.amount");
        }
        if (paidOn == null || paidOn.isBefore(m.agreedOn()) || paidOn.isAfter(today())) {
            throw CaseRuleException.of("station.rule.paidOn", m.agreedOn());
        }
        if (workers < 1 || (m.workers() > 0 && workers > m.workers())) {
            throw CaseRuleException.of("station.rule.workers", m.workers());
        }
        if (manner == null || evidence == null || evidence.isBlank()) {
            throw CaseRuleException.of("station.rule.evidence");
        }
        jdbc.sql("""
                INSERT INTO station_payment (case_id, paid_on, amount, workers, manner, evidence, recorded_by)
                VALUES (:c, :d, :a, :w, :m, :e, :by)
                """).param("c", caseId).param("d", Date.valueOf(paidOn)).param("a", amount).param("w", workers)
                .param("m", manner.name()).param("e", evidence.strip()).param("by", officer.username()).update();
        Versioned.update(jdbc, "station_matter", "").key("case_id").by(officer.username()).existingRow(caseId, version);
        String note = paidOn + " 支付 " + amount.toPlainString() + " 元，" + workers + " 人领取（"
                + CaseRuleException.text("station.manner." + manner.name()) + "）";
        event(caseId, "STATION_PAY", null, null, note);
        operationLog.record("STATION_PAY", "case", caseId, m.number() + " " + note);
    }

    /**
     * Settles the matter at the station (所级结案): only a mediated matter whose payments reach the agreed amount. The
     * case closes with the outcome "mediated" and what was paid, so the bureau's statistics count it.
     */
    @Transactional
    public void settle(OfficerPrincipal officer, long caseId, int version) {
        Matter m = held(officer, caseId, version);
        if (!m.mediated()) {
            throw CaseRuleException.of("station.rule.settleWithoutAgreement");
        }
        if (m.paid().compareTo(m.agreedAmount()) < 0) {
            throw CaseRuleException.of("station.rule.settleUnpaid", m.paid().toPlainString(),
                    m.agreedAmount().toPlainString());
        }
        LocalDate today = today();
        Versioned.update(jdbc, "station_matter", "stage = 'SETTLED', settled_on = :d").param("d", Date.valueOf(today))
                .key("case_id").by(officer.username()).existingRow(caseId, version);
        String note = "劳动保障所调解结案：调解协议金额 " + m.agreedAmount().toPlainString() + " 元，已支付 "
                + m.paid().toPlainString() + " 元，" + m.workersPaid() + " 人领取";
        String status = jdbc.sql("SELECT status FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single();
        Versioned.update(jdbc, "case_file", """
                status = 'CLOSED', outcome = 'MEDIATED', outcome_note = :note, amount_recovered = :paid,
                amount_paid_out = :paid, workers_paid = :workers, accepted_on = COALESCE(accepted_on, :received),
                closed_on = :d""").param("note", note).param("paid", m.paid()).param("workers", m.workersPaid())
                .param("received", Date.valueOf(m.receivedOn())).param("d", Date.valueOf(today))
                .by(officer.username()).rowAtAnyVersion(caseId);
        event(caseId, "STATION_SETTLE", status, CaseStatus.CLOSED.name(), note);
        operationLog.record("STATION_SETTLE", "case", caseId, m.number() + " " + note);
    }

    /**
     * Hands the matter up to the bureau (移交) with the reason; the bureau acknowledges it within the region's deadline
     * in working days, and its acceptance clock (the grid channel's 受理时限, {@link CaseClocks}) starts again from the
     * handover, the day the bureau receives the matter.
     */
    @Transactional
    public void handUp(OfficerPrincipal officer, long caseId, int version, String reason) {
        Matter m = held(officer, caseId, version);
        if (reason == null || reason.isBlank()) {
            throw CaseRuleException.of("station.rule.reason");
        }
        LocalDate today = today();
        LocalDate due = workingDays.plus(today, acknowledgeDays(m.regionCode()));
        Versioned.update(jdbc, "station_matter", """
                stage = 'HANDED_UP', handed_up_on = :d, handover_reason = :reason, acknowledge_due = :due""")
                .param("d", Date.valueOf(today)).param("reason", reason.strip()).param("due", Date.valueOf(due))
                .key("case_id").by(officer.username()).existingRow(caseId, version);
        jdbc.sql("UPDATE case_file SET accept_due = :due WHERE id = :id AND status = 'REGISTERED'")
                .param("due", Date.valueOf(workingDays.plus(today, clocks.of(Channel.GRID).acceptDays())))
                .param("id", caseId).update();
        String note = "移交劳动保障监察机构（签收期限 " + due + "）：" + reason.strip();
        event(caseId, "STATION_HAND_UP", null, null, note);
        operationLog.record("STATION_HAND_UP", "case", caseId, m.number() + " " + note);
    }

    /** The bureau acknowledges a handover (签收): who and when; once only. */
    @Transactional
    public void acknowledge(OfficerPrincipal officer, long caseId, int version) {
        Matter m = find(officer.scope(), caseId).orElseThrow(() -> new OutOfScopeException("station_matter", caseId));
        requireVersion(caseId, version);
        if (!m.handedUp()) {
            throw CaseRuleException.of("station.rule.notHandedUp");
        }
        if (m.acknowledged()) {
            throw CaseRuleException.of("station.rule.acknowledged");
        }
        Versioned.update(jdbc, "station_matter", "acknowledged_at = now(), acknowledged_by = :who")
                .param("who", officer.username()).key("case_id").by(officer.username()).existingRow(caseId, version);
        String note = "劳动保障监察机构签收：" + officer.displayName()
                + (m.acknowledgeDue().isBefore(today()) ? "（已超过签收期限 " + m.acknowledgeDue() + "）" : "");
        event(caseId, "STATION_ACKNOWLEDGE", null, null, note);
        operationLog.record("STATION_ACKNOWLEDGE", "case", caseId, m.number() + " " + note);
    }

    /**
     * The working days within which the bureau acknowledges a town's handover: the town's own setting, else the
     * nearest region above that has one, else {@link #DEFAULT_ACKNOWLEDGE_DAYS}.
     */
    @Transactional(readOnly = true)
    public int acknowledgeDays(String regionCode) {
        return jdbc.sql("""
                SELECT acknowledge_days FROM station_setting WHERE :r LIKE region_code || '%'
                 ORDER BY length(region_code) DESC LIMIT 1
                """).param("r", regionCode).query(Integer.class).optional().orElse(DEFAULT_ACKNOWLEDGE_DAYS);
    }

    /** Sets a region's acknowledgement deadline (1 to 15 working days), for the region of the officer or one below. */
    @Transactional
    public void setAcknowledgeDays(OfficerPrincipal officer, String regionCode, int days) {
        if (regionCode == null || !officer.scope().covers(regionCode, null, null, null, null)) {
            throw new OutOfScopeException("station_setting", -1);
        }
        if (days < 1 || days > 15) {
            throw CaseRuleException.of("station.rule.acknowledgeDays");
        }
        int before = acknowledgeDays(regionCode);
        jdbc.sql("""
                INSERT INTO station_setting (region_code, acknowledge_days, updated_by) VALUES (:r, :d, :by)
                ON CONFLICT (region_code) DO UPDATE SET acknowledge_days = :d, version = station_setting.version + 1,
                    updated_at = now(), updated_by = :by
                """).param("r", regionCode).param("d", days).param("by", officer.username()).update();
        operationLog.record("STATION_SETTING_SET", "region", regionCode,
                "劳动保障所移交签收期限 " + regionCode + "：" + before + " → " + days + " 个工作日");
    }

    /** Each station's figures within the scope over the matters received in the period (station_daily_figure). */
    @Transactional(readOnly = true)
    public List<Figures> figures(DataScope scope, LocalDate from, LocalDate to) {
        ScopePredicate predicate = scope.predicate(COLUMNS);
        return jdbc.sql("""
                SELECT m.region_code, r.name AS region_name, sum(m.received) AS received, sum(m.mediated) AS mediated,
                       sum(m.settled) AS settled, sum(m.recovered) AS recovered, sum(m.workers_paid) AS workers_paid,
                       sum(m.handed_up) AS handed_up, sum(m.acknowledged) AS acknowledged
                  FROM station_daily_figure m JOIN region r ON r.code = m.region_code
                 WHERE m.received_on BETWEEN :from AND :to AND\s""" + predicate.sql() + " " + """
                 GROUP BY m.region_code, r.name ORDER BY m.region_code""").params(predicate.parameters())
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Rows.of(Figures.class)).list();
    }

    /** The matter at the station, in the officer's town and still at the station, at the version the form read. */
    private Matter held(OfficerPrincipal officer, long caseId, int version) {
        Matter m = find(officer.scope(), caseId).orElseThrow(() -> new OutOfScopeException("station_matter", caseId));
        requireVersion(caseId, version);
        if (!m.atStation()) {
            throw CaseRuleException.of("station.rule.notAtStation");
        }
        // The bureau may take a matter over (accept or refuse it) while the station holds it: then it is the bureau's.
        String status = jdbc.sql("SELECT status FROM case_file WHERE id = :c").param("c", caseId).query(String.class).single();
        if (!CaseStatus.REGISTERED.name().equals(status)) {
            throw CaseRuleException.of("station.rule.takenOver");
        }
        return m;
    }

    /** The matter still has the version the form was rendered with (else someone changed it since). */
    private void requireVersion(long caseId, int version) {
        record Current(int version, String updatedBy, Timestamp updatedAt) {
        }
        jdbc.sql("SELECT version, updated_by, updated_at FROM station_matter WHERE case_id = :c").param("c", caseId)
                .query(Rows.of(Current.class)).optional().filter(c -> c.version() != version).ifPresent(c -> {
                    throw new org.wageguard.shared.StaleEditException("station_matter", caseId, c.updatedBy(),
                            c.updatedAt().toInstant().atOffset(java.time.ZoneOffset.UTC));
                });
    }

    private void event(long caseId, String action, String from, String to, String note) {
        String actor = org.wageguard.identity.CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
        jdbc.sql("""
                INSERT INTO case_event (case_id, on_day, by_username, action, status_from, status_to, note)
                VALUES (:c, :day, :by, :action, :from, :to, :note)
                """).param("c", caseId).param("day", Date.valueOf(today())).param("by", actor).param("action", action)
                .param("from", from).param("to", to).param("note", note).update();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
