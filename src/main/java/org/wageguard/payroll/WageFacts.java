package org.wageguard.payroll;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wage facts early warning reads, per project, worker and month: attendance, the pay sheet and what reached the
 * worker. A payment is the worker's when its payee ID is theirs, or, with no payee ID, when it went to their roster
 * card — the same attribution as {@link PayrollLedger#monthsOf}. Read-only; the monitoring module never touches the
 * tables itself.
 */
@Service
@Transactional(readOnly = true)
public class WageFacts {

    /**
     * One worker on one project in one month. {@code payrollDays}, {@code gross} (the wage due, 应发工资) and
     * {@code net} (after deductions, 实发) are null without a pay-sheet line; {@code contractSigned} is null when the
     * worker is not on the roster.
     */
    public record WorkerMonth(long projectId, long workerId, String workerName, YearMonth month, int attendanceDays,
            BigDecimal maxHours, Integer payrollDays, BigDecimal net, BigDecimal paid, int paymentsToOtherCards,
            Boolean contractSigned, LocalDate exitDate, BigDecimal gross) {

        public boolean attended() {
            return attendanceDays > 0;
        }

        /** On the pay sheet with more than a fen of its net wage not paid (the reconciliation's UNPAID / UNDERPAID). */
        public boolean shortOfNet() {
            return net != null && paid.compareTo(net.subtract(new BigDecimal("0.01"))) < 0;
        }
    }

    /** A card that received the wages of several workers of a project in a month. */
    public record SharedCard(long projectId, YearMonth month, String cardMasked, int workers, String payees) {
    }

    /** A worker's pay of a year across all projects. */
    public record YearPay(long workerId, String workerName, int year, BigDecimal paid, int projects, long projectId) {
    }

    /** A worker attending two projects on the same day: one of the records is not credible. */
    public record DoubleBooking(long workerId, String workerName, LocalDate day, int projects, String projectIds) {
    }

    /** A project's special account in a month: labor cost transferred in so far, paid out so far, the month's payroll. */
    /**
     * A special account at a month's end; {@code reportedBalance} the balance the bank sent for the month's last day
     * it reported (its statement feed), null when it sent none — then the balance is what came in less what was paid.
     */
    public record AccountMonth(long projectId, YearMonth month, BigDecimal transferredToDate, BigDecimal paidToDate,
            BigDecimal monthPayroll, BigDecimal reportedBalance) {

        public BigDecimal balance() {
            return reportedBalance != null ? reportedBalance : transferredToDate.subtract(paidToDate);
        }
    }

    private static final String PAYEE_IS_WORKER = """
            (d.payee_id_hash = w.id_number_hash OR (d.payee_id_hash IS NULL AND d.card_hash IN (
                SELECT e.bank_card_hash FROM published_employment e WHERE e.worker_id = w.id AND e.project_id = d.project_id
                   AND e.current)))""";

    private final JdbcClient jdbc;

    WageFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every worker with attendance or a pay-sheet line in the month, on one project or (null) on all. */
    public List<WorkerMonth> workerMonths(YearMonth month, Long projectId) {
        return workerMonths(List.of(month), projectId);
    }

    /**
     * {@link #workerMonths(YearMonth, Long)} of several months in one pass, by month then as for one month. Set-wise:
     * the month's disbursements are summed per payee (the payee ID's worker) and per roster card (a payment without a
     * payee ID, to each worker whose current roster line has that card) and joined to the workers, instead of one
     * look through the project's month per worker; attendance is read through {@code attendance_project_date_ix}.
     */
    public List<WorkerMonth> workerMonths(java.util.Collection<YearMonth> months, Long projectId) {
        if (months.isEmpty()) {
            return List.of();
        }
        List<YearMonth> sorted = months.stream().distinct().sorted().toList();
        List<Date> firstDays = sorted.stream().map(m -> Date.valueOf(m.atDay(1))).toList();
        LocalDate from = sorted.get(0).atDay(1);
        LocalDate to = sorted.get(sorted.size() - 1).plusMonths(1).atDay(1);
        return jdbc.sql("""
                WITH att AS (
                    SELECT project_id, CAST(date_trunc('month', work_date) AS DATE) AS month, worker_id,
                           count(DISTINCT work_date) AS days, max(hours) AS max_hours
                      FROM published_attendance
                     WHERE current AND work_date >= :from AND work_date < :to
                       AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)
                       AND CAST(date_trunc('month', work_date) AS DATE) IN (:months)
                     GROUP BY 1, 2, 3),
                pay AS (
                    SELECT project_id, month, worker_id, sum(days_worked) AS days, sum(net) AS net, sum(gross) AS gross
                      FROM payroll_line
                     WHERE current AND month IN (:months) AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)
                     GROUP BY 1, 2, 3),
                pw AS (SELECT project_id, month, worker_id FROM att UNION SELECT project_id, month, worker_id FROM pay),
                d AS (
                    SELECT project_id, month, payee_id_hash, card_hash, amount FROM disbursement
                     WHERE current AND status = 'SUCCESS' AND month IN (:months)
                       AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)),
                by_payee AS (
                    SELECT d.project_id, d.month, w.id AS worker_id, sum(d.amount) AS paid,
                           count(*) FILTER (WHERE d.card_hash NOT IN (SELECT e.bank_card_hash FROM published_employment e
                                WHERE e.worker_id = w.id AND e.project_id = d.project_id AND e.current)) AS other_cards
                      FROM d JOIN published_worker w ON w.id_number_hash = d.payee_id_hash
                     GROUP BY 1, 2, 3),
                by_card AS (
                    SELECT d.project_id, d.month, e.worker_id, sum(d.amount) AS paid
                      FROM d JOIN (SELECT DISTINCT project_id, worker_id, bank_card_hash FROM published_employment
                                    WHERE current AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)) e
                        ON e.project_id = d.project_id AND e.bank_card_hash = d.card_hash
                     WHERE d.payee_id_hash IS NULL
                     GROUP BY 1, 2, 3)
                SELECT pw.project_id, pw.month, pw.worker_id, w.name, COALESCE(att.days, 0) AS att_days, att.max_hours,
                       pay.days AS pay_days, pay.net, pay.gross,
                       COALESCE(by_payee.paid, 0) + COALESCE(by_card.paid, 0) AS paid,
                       COALESCE(by_payee.other_cards, 0) AS other_cards,
                       e.contract_signed, e.exit_date
                  FROM pw JOIN published_worker w ON w.id = pw.worker_id
                  LEFT JOIN att ON att.project_id = pw.project_id AND att.month = pw.month AND att.worker_id = pw.worker_id
                  LEFT JOIN pay ON pay.project_id = pw.project_id AND pay.month = pw.month AND pay.worker_id = pw.worker_id
                  LEFT JOIN by_payee ON by_payee.project_id = pw.project_id AND by_payee.month = pw.month
                        AND by_payee.worker_id = pw.worker_id
                  LEFT JOIN by_card ON by_card.project_id = pw.project_id AND by_card.month = pw.month
                        AND by_card.worker_id = pw.worker_id
                  LEFT JOIN LATERAL (SELECT contract_signed, exit_date FROM published_employment e
                         WHERE e.worker_id = pw.worker_id AND e.project_id = pw.project_id AND e.current
                         ORDER BY (e.entry_date < CAST(pw.month + INTERVAL '1 month' AS DATE)
                                   AND (e.exit_date IS NULL OR e.exit_date >= pw.month)) DESC,
                               e.entry_date DESC LIMIT 1) e ON TRUE
                 ORDER BY pw.month, pw.project_id, w.name, pw.worker_id
                """).param("from", from).param("to", to).param("months", firstDays).param("p", projectId)
                .query((rs, n) -> {
                    int payDays = rs.getInt("pay_days");
                    Integer pd = rs.wasNull() ? null : payDays;
                    boolean signed = rs.getBoolean("contract_signed");
                    Boolean contract = rs.wasNull() ? null : signed;
                    Date exit = rs.getDate("exit_date");
                    return new WorkerMonth(rs.getLong("project_id"), rs.getLong("worker_id"), rs.getString("name"),
                            YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("att_days"),
                            rs.getBigDecimal("max_hours"), pd, rs.getBigDecimal("net"), rs.getBigDecimal("paid"),
                            rs.getInt("other_cards"), contract, exit == null ? null : exit.toLocalDate(),
                            rs.getBigDecimal("gross"));
                }).list();
    }

    /** How many workers of a project's current roster were employed during a month. */
    public record Headcount(long projectId, int workers) {
    }

    /** Workers on the current roster of a project (or all) who were employed during the month, by project. */
    public List<Headcount> rosterHeadcounts(YearMonth month, Long projectId) {
        return jdbc.sql("""
                SELECT project_id, count(DISTINCT worker_id) FROM published_employment
                 WHERE current AND entry_date < :to AND (exit_date IS NULL OR exit_date >= :from)
                   AND (CAST(:p AS BIGINT) IS NULL OR project_id = :p)
                 GROUP BY project_id
                """).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1)).param("p", projectId)
                .query((rs, n) -> new Headcount(rs.getLong(1), rs.getInt(2))).list();
    }

    /** Cards that received SUCCESS wages of at least two different payees on one project in the month. */
    public List<SharedCard> sharedCards(YearMonth month, Long projectId) {
        return jdbc.sql("""
                SELECT d.project_id, max(d.card_masked) AS card, count(DISTINCT COALESCE(d.payee_id_hash, d.payee_name)) AS n,
                       string_agg(DISTINCT d.payee_name, '、') AS payees
                  FROM disbursement d
                 WHERE d.current AND d.status = 'SUCCESS' AND d.month = :m
                   AND (CAST(:p AS BIGINT) IS NULL OR d.project_id = :p)
                 GROUP BY d.project_id, d.card_hash
                HAVING count(DISTINCT COALESCE(d.payee_id_hash, d.payee_name)) >= 2
                """).param("m", month.atDay(1)).param("p", projectId)
                .query((rs, n) -> new SharedCard(rs.getLong(1), month, rs.getString(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** Workers paid more than the threshold over the year's pay months, across all projects. */
    public List<YearPay> yearPayAbove(int year, BigDecimal threshold) {
        return jdbc.sql("""
                SELECT w.id, w.name, sum(d.amount) AS paid, count(DISTINCT d.project_id) AS projects, max(d.project_id) AS project
                  FROM disbursement d JOIN published_worker w ON d.payee_id_hash = w.id_number_hash
                 WHERE d.current AND d.status = 'SUCCESS' AND d.month >= :from AND d.month < :to
                 GROUP BY w.id, w.name
                HAVING sum(d.amount) > :threshold
                """).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .param("threshold", threshold)
                .query((rs, n) -> new YearPay(rs.getLong(1), rs.getString(2), year, rs.getBigDecimal(3), rs.getInt(4), rs.getLong(5)))
                .list();
    }

    /** Workers with attendance on two or more projects on one day of the month. */
    public List<DoubleBooking> doubleBookings(YearMonth month) {
        return jdbc.sql("""
                SELECT a.worker_id, w.name, a.work_date, count(DISTINCT a.project_id) AS n,
                       string_agg(DISTINCT a.project_id::text, ',') AS projects
                  FROM published_attendance a JOIN published_worker w ON w.id = a.worker_id
                 WHERE a.current AND a.work_date >= :from AND a.work_date < :to
                 GROUP BY a.worker_id, w.name, a.work_date
                HAVING count(DISTINCT a.project_id) >= 2
                """).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query((rs, n) -> new DoubleBooking(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getInt(4), rs.getString(5)))
                .list();
    }

    /**
     * {@link #doubleBookings(YearMonth)} limited to the days on which a worker of one project was on that project and
     * on another: what the evaluation of one project-month after an import needs. Driven by the project's own days
     * ({@code attendance_project_date_ix}), each looked up among the worker's days ({@code attendance_current_ux},
     * worker first), instead of reading the whole month of every project.
     */
    public List<DoubleBooking> doubleBookings(YearMonth month, long projectId) {
        return jdbc.sql("""
                SELECT o.worker_id, w.name, o.work_date, count(DISTINCT a.project_id) AS n,
                       string_agg(DISTINCT a.project_id::text, ',') AS projects
                  FROM published_attendance o
                  JOIN published_attendance a ON a.worker_id = o.worker_id AND a.work_date = o.work_date AND a.current
                  JOIN published_worker w ON w.id = o.worker_id
                 WHERE o.project_id = :p AND o.current AND o.work_date >= :from AND o.work_date < :to
                 GROUP BY o.worker_id, w.name, o.work_date
                HAVING count(DISTINCT a.project_id) >= 2
                """).param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1)).param("p", projectId)
                .query((rs, n) -> new DoubleBooking(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getInt(4), rs.getString(5)))
                .list();
    }

    /**
     * Each project's special account as of the month's end: labor cost transferred in (owner transfers up to the
     * month), wages paid out (SUCCESS disbursements up to the month) and the month's payroll (net of its pay sheet).
     * Only projects with transfers on record are listed: without them the account's inflow is unknown, not zero.
     */
    public List<AccountMonth> accountMonths(YearMonth month, Long projectId) {
        LocalDate m = month.atDay(1);
        return jdbc.sql("""
                SELECT p.id,
                       (SELECT COALESCE(sum(t.amount), 0) FROM published_labor_cost_transfer t
                         WHERE t.project_id = p.id AND t.month <= :m) AS transferred,
                       (SELECT COALESCE(sum(d.amount), 0) FROM disbursement d
                         WHERE d.project_id = p.id AND d.current AND d.status = 'SUCCESS' AND d.month <= :m) AS paid,
                       (SELECT COALESCE(sum(l.net), 0) FROM payroll_line l
                         WHERE l.project_id = p.id AND l.current AND l.month = :m) AS payroll,
                       (SELECT b.balance FROM published_account_balance b
                         WHERE b.project_id = p.id AND b.as_of >= :m AND b.as_of < :next ORDER BY b.as_of DESC LIMIT 1) AS reported
                  FROM published_project p
                 WHERE (CAST(:p AS BIGINT) IS NULL OR p.id = :p)
                   AND (EXISTS (SELECT 1 FROM published_labor_cost_transfer t WHERE t.project_id = p.id)
                        OR EXISTS (SELECT 1 FROM published_account_balance b WHERE b.project_id = p.id))
                """).param("m", m).param("next", month.plusMonths(1).atDay(1)).param("p", projectId)
                .query((rs, n) -> new AccountMonth(rs.getLong(1), month, rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }
}
