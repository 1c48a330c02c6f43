package org.wageguard.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.AdvisoryLocks;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;

/**
 * The national clue platform, written back: each platform clue's handling result (受理, 办理中, 办结) derived from the
 * case the system holds, reported once per state change through the configured {@link ClueExchange}, with the
 * ledger of what was reported when — so that nothing is reported twice (a state reported is never pending again;
 * the table's unique key refuses it) and nothing is forgotten (every platform clue whose state moved past its last
 * report is pending until reported). The weekly "还在跟踪" list names the clues the platform still shows open: not
 * yet reported 办结.
 *
 * <p>State mapping: 已登记 → nothing yet (the platform's own 待受理); 已受理 → 受理; 协调处理中 … 已核实发放 → 办理中;
 * 已结案, 跟踪结束, 不予受理, 已撤回 → 办结.
 */
@Service
public class PlatformReports {

    private static final long LOCK = 0x5747_504C_4154_4652L;

    /** The platform state of a case as a rank: 0 none yet, 1 受理, 2 办理中, 3 办结. */
    static final String RANK_NOW = """
            CASE WHEN c.status IN ('CLOSED', 'TRACKING_ENDED', 'REFUSED', 'WITHDRAWN') THEN 3
                 WHEN c.status IN ('COORDINATING', 'FILED', 'ORDERED', 'RESOLVED', 'PAYMENT_VERIFIED') THEN 2
                 WHEN c.status = 'ACCEPTED' THEN 1 ELSE 0 END""";
    static final String RANK_REPORTED = """
            COALESCE((SELECT max(CASE r.state WHEN 'ACCEPTED' THEN 1 WHEN 'IN_PROGRESS' THEN 2 ELSE 3 END)
                        FROM platform_clue_report r WHERE r.case_id = c.id), 0)""";

    /** A batch reported. */
    public record Batch(long id, LocalDate madeOn, String madeBy, String exchange, int results, String receipt) {
    }

    /** A platform clue the platform still shows open (not reported 办结), with its days open and last action. */
    public record OpenClue(long caseId, String clueNo, String number, String employerName, String status,
            LocalDate registeredOn, long daysOpen, String lastReportedState, LocalDate lastReportedOn,
            String lastAction, LocalDate lastActionOn, boolean pending) {
    }

    /** Each platform clue's last reported state and date (null before its first report). */
    public record Reported(long caseId, String clueNo, String number, String status, String lastState,
            LocalDate lastReportedOn, boolean pending) {
    }

    private final JdbcClient jdbc;
    private final ClueExchange exchange;
    private final OperationLog operationLog;
    private final Clock clock;

    PlatformReports(JdbcClient jdbc, ClueExchange exchange, OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** How results go out here: {@code FILE} or {@code HTTP}. */
    public String exchangeKind() {
        return exchange.kind();
    }

    private record Row(long caseId, String clueNo, String status, LocalDate acceptedOn, LocalDate closedOn,
            String outcome, String outcomeNote, String refusalReason, BigDecimal amountRecovered, int workersPaid,
            String departmentName, int rankNow) {
    }

    /** The results due in the region: platform clues whose state moved past their last report, oldest clue first. */
    public List<ClueExchange.Result> pending(String regionPrefix) {
        return jdbc.sql("""
                SELECT c.id AS case_id, c.external_ref AS clue_no, c.status, c.accepted_on, c.closed_on, c.outcome,
                       c.outcome_note, c.refusal_reason, c.amount_recovered, c.workers_paid,
                       COALESCE(d.name, (SELECT li.name FROM department li WHERE li.kind = 'LABOR_INSPECTION'
                                          AND li.region_code = c.region_code ORDER BY li.id LIMIT 1)) AS department_name,
                       (%s) AS rank_now
                  FROM case_file c LEFT JOIN department d ON d.id = c.department_id
                 WHERE c.channel = 'PLATFORM' AND c.external_ref IS NOT NULL AND c.region_code LIKE :prefix
                   AND (%s) > (%s)
                 ORDER BY c.registered_on, c.id
                """.formatted(RANK_NOW, RANK_NOW, RANK_REPORTED)).param("prefix", regionPrefix + "%")
                .query(Rows.of(Row.class)).list().stream().map(PlatformReports::result).toList();
    }

    private static ClueExchange.Result result(Row r) {
        ClueExchange.State state = ClueExchange.State.values()[r.rankNow() - 1];
        String handledBy = r.departmentName();
        if (state == ClueExchange.State.ACCEPTED) {
            return new ClueExchange.Result(r.caseId(), r.clueNo(), state, r.acceptedOn(), null, null, null, null, null,
                    text("platform.reply.accepted", r.acceptedOn()), handledBy);
        }
        if (state == ClueExchange.State.IN_PROGRESS) {
            return new ClueExchange.Result(r.caseId(), r.clueNo(), state, r.acceptedOn(), null, null, null, null, null,
                    text("platform.reply.inProgress", CaseLabels.status(CaseStatus.valueOf(r.status()))),
                    handledBy);
        }
        String outcome;
        String outcomeText;
        String reply;
        switch (CaseStatus.valueOf(r.status())) {
            case REFUSED -> {
                outcome = "REFUSED";
                outcomeText = CaseRuleException.text("enum.CaseStatus.REFUSED");
                reply = text("platform.reply.refused", nz(r.refusalReason()));
            }
            case WITHDRAWN -> {
                outcome = "WITHDRAWN";
                outcomeText = CaseRuleException.text("enum.CaseStatus.WITHDRAWN");
                reply = CaseRuleException.text("platform.reply.withdrawn");
            }
            default -> {
                outcome = r.outcome();
                outcomeText = outcome == null ? null : CaseRuleException.text("enum.Outcome." + outcome);
                reply = text("platform.reply.concluded", outcomeText == null ? "" : outcomeText,
                        r.outcomeNote() == null ? "" : "（" + r.outcomeNote() + "）", r.amountRecovered().toPlainString(),
                        r.workersPaid());
            }
        }
        return new ClueExchange.Result(r.caseId(), r.clueNo(), state, r.acceptedOn(), r.closedOn(), outcome, outcomeText,
                r.amountRecovered(), r.workersPaid(), reply, handledBy);
    }

    private static String text(String key, Object... arguments) {
        return org.wageguard.shared.SharedMessages.chinese(CaseRuleException.BUNDLE, key, arguments);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Reports the region's pending results through the exchange and records them as reported — only when the
     * exchange delivered them. Two officers reporting at once: the second finds nothing left (advisory lock).
     *
     * @return the batch recorded
     * @throws CaseRuleException when nothing is pending or the exchange failed (its reason; nothing recorded)
     */
    @Transactional
    public Batch report(OfficerPrincipal officer) {
        if (!officer.hasPermission("casework:clue:report")) {
            throw new org.springframework.security.access.AccessDeniedException("casework:clue:report");
        }
        String prefix = RegionCode.of(officer.regionCode()).subtreePrefix();
        if (!AdvisoryLocks.tryLockForTransaction(jdbc, LOCK)) {
            throw CaseRuleException.of("platform.report.busy");
        }
        List<ClueExchange.Result> results = pending(prefix);
        if (results.isEmpty()) {
            throw CaseRuleException.of("platform.report.nothing");
        }
        ClueExchange.Receipt receipt;
        try {
            receipt = exchange.send(results);
        } catch (ClueExchange.Failed e) {
            operationLog.recordOutcome("CLUE_REPORT", "platform_report_batch", null, "报送线索办理结果 " + results.size()
                    + " 条失败：" + e.getMessage(), OperationLog.Result.FAILURE);
            throw CaseRuleException.of("platform.report.failed", e.getMessage());
        }
        LocalDate today = LocalDate.now(clock);
        String reference = receipt.reference() == null ? null
                : receipt.reference().length() > 400 ? receipt.reference().substring(0, 400) : receipt.reference();
        long batch = jdbc.sql("""
                INSERT INTO platform_report_batch (made_on, made_by, region_code, exchange, results, receipt)
                VALUES (:d, :by, :region, :x, :n, :receipt) RETURNING id
                """).param("d", Date.valueOf(today)).param("by", officer.username()).param("region", officer.regionCode())
                .param("x", exchange.kind()).param("n", results.size()).param("receipt", reference)
                .query(Long.class).single();
        for (ClueExchange.Result r : results) {
            jdbc.sql("""
                    INSERT INTO platform_clue_report (batch_id, case_id, clue_no, state, accepted_on, concluded_on, outcome,
                        outcome_text, amount_recovered, workers_paid, reply, handled_by, reported_on)
                    VALUES (:b, :c, :no, :state, :acc, :con, :o, :ot, :amount, :workers, :reply, :by, :d)
                    """).param("b", batch).param("c", r.caseId()).param("no", r.clueNo()).param("state", r.state().name())
                    .param("acc", r.acceptedOn() == null ? null : Date.valueOf(r.acceptedOn()))
                    .param("con", r.concludedOn() == null ? null : Date.valueOf(r.concludedOn())).param("o", r.outcome())
                    .param("ot", r.outcomeText()).param("amount", r.amountRecovered()).param("workers", r.workersPaid())
                    .param("reply", r.reply().length() > 2000 ? r.reply().substring(0, 2000) : r.reply())
                    .param("by", r.handledBy()).param("d", Date.valueOf(today)).update();
            jdbc.sql("""
                    INSERT INTO case_event (case_id, on_day, by_username, action, note)
                    VALUES (:c, :d, :by, 'PLATFORM_REPORT', :note)
                    """).param("c", r.caseId()).param("d", Date.valueOf(today)).param("by", officer.username())
                    .param("note", "向全国根治欠薪线索反映平台报送：" + r.state().label()).update();
        }
        operationLog.record("CLUE_REPORT", "platform_report_batch", batch, "报送线索办理结果 " + results.size() + " 条（"
                + (exchange.kind().equals("HTTP") ? "平台接口" : "报送文件") + "）");
        return batch(batch, prefix).orElseThrow();
    }

    private static final String BATCH = """
            SELECT b.id, b.made_on, b.made_by, b.exchange, b.results, b.receipt FROM platform_report_batch b
             WHERE b.region_code LIKE :prefix
            """;

    public List<Batch> batches(String regionPrefix, int limit) {
        return jdbc.sql(BATCH + " ORDER BY b.id DESC LIMIT :limit").param("prefix", regionPrefix + "%")
                .param("limit", limit).query(Rows.of(Batch.class)).list();
    }

    public Optional<Batch> batch(long id, String regionPrefix) {
        return jdbc.sql(BATCH + " AND b.id = :id").param("prefix", regionPrefix + "%").param("id", id)
                .query(Rows.of(Batch.class)).optional();
    }

    /** The results of a batch as they were sent. */
    public List<ClueExchange.Result> results(long batchId) {
        return jdbc.sql("""
                SELECT case_id, clue_no, state, accepted_on, concluded_on, outcome, outcome_text, amount_recovered,
                       workers_paid, reply, handled_by
                  FROM platform_clue_report WHERE batch_id = :b ORDER BY id
                """).param("b", batchId).query((rs, n) -> new ClueExchange.Result(rs.getLong(1), rs.getString(2),
                        ClueExchange.State.valueOf(rs.getString(3)), date(rs.getDate(4)), date(rs.getDate(5)),
                        rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                        rs.getObject(9) == null ? null : rs.getInt(9), rs.getString(10), rs.getString(11))).list();
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** Each platform clue of the region with its last reported state and date, newest clue first. */
    public List<Reported> ledger(String regionPrefix, int limit) {
        return jdbc.sql("""
                SELECT c.id AS case_id, c.external_ref AS clue_no, c.number, c.status, r.state AS last_state,
                       r.reported_on AS last_reported_on, ((%s) > (%s)) AS pending
                  FROM case_file c
                  LEFT JOIN LATERAL (SELECT x.state, x.reported_on FROM platform_clue_report x WHERE x.case_id = c.id
                                      ORDER BY x.id DESC LIMIT 1) r ON true
                 WHERE c.channel = 'PLATFORM' AND c.external_ref IS NOT NULL AND c.region_code LIKE :prefix
                 ORDER BY c.registered_on DESC, c.id DESC LIMIT :limit
                """.formatted(RANK_NOW, RANK_REPORTED)).param("prefix", regionPrefix + "%").param("limit", limit)
                .query(Rows.of(Reported.class)).list();
    }

    /**
     * The weekly "还在跟踪" list: the region's platform clues not yet reported 办结 — what the platform still shows
     * open — longest open first, with the days since the clue came in and the last action on it.
     */
    public List<OpenClue> stillOpen(String regionPrefix) {
        LocalDate today = LocalDate.now(clock);
        record Open(long caseId, String clueNo, String number, String employerName, String status, LocalDate registeredOn,
                String lastState, LocalDate lastReportedOn, String lastAction, LocalDate lastActionOn, boolean pending) {
        }
        List<OpenClue> open = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id AS case_id, c.external_ref AS clue_no, c.number, c.employer_name, c.status, c.registered_on,
                       r.state AS last_state, r.reported_on AS last_reported_on, e.action AS last_action,
                       e.on_day AS last_action_on, ((%s) > (%s)) AS pending
                  FROM case_file c
                  LEFT JOIN LATERAL (SELECT x.state, x.reported_on FROM platform_clue_report x WHERE x.case_id = c.id
                                      ORDER BY x.id DESC LIMIT 1) r ON true
                  LEFT JOIN LATERAL (SELECT v.action, v.on_day FROM case_event v WHERE v.case_id = c.id
                                      ORDER BY v.at DESC, v.id DESC LIMIT 1) e ON true
                 WHERE c.channel = 'PLATFORM' AND c.external_ref IS NOT NULL AND c.region_code LIKE :prefix
                   AND r.state IS DISTINCT FROM 'CONCLUDED'
                 ORDER BY c.registered_on, c.id
                """.formatted(RANK_NOW, RANK_REPORTED)).param("prefix", regionPrefix + "%")
                .query(Rows.of(Open.class)).list().forEach(o -> open.add(new OpenClue(o.caseId(), o.clueNo(), o.number(),
                        o.employerName(), o.status(), o.registeredOn(), ChronoUnit.DAYS.between(o.registeredOn(), today),
                        o.lastState(), o.lastReportedOn(), o.lastAction(), o.lastActionOn(), o.pending())));
        return open;
    }
}
