package org.wageguard.payroll;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.SensitiveData;

/** The current pay sheets and disbursements: masked for pages, in clear only for the reconciliation engine. */
@Service
@Transactional(readOnly = true)
public class PayrollLedger {

    public record Line(long workerId, String idNumber, String name, int daysWorked, BigDecimal gross,
            BigDecimal deductions, BigDecimal net, LocalDate payDate, Boolean signed) {
    }

    /**
     * A disbursement; {@code card} and {@code payeeIdNumber} are in clear only from {@link #disbursementsForProcessing},
     * masked otherwise. {@code payeeWorkerId} is the registered worker with the payee's ID number, if any.
     */
    public record Payment(long id, String transactionId, String card, String cardHash, String payeeName,
            String payeeIdNumber, Long payeeWorkerId, BigDecimal amount, LocalDate valueDate, String status) {
    }

    /** One month of one worker on one project. */
    public record WorkerMonth(long projectId, YearMonth month, Integer daysWorked, BigDecimal net, BigDecimal paid) {
    }

    static final ScopeColumns PROJECT = ScopeColumns.of("p.region_code", "p.department_id", "p.contractor_code", null, null);

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;

    PayrollLedger(JdbcClient jdbc, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    public List<Line> lines(long projectId, YearMonth month, boolean clear) {
        Map<Long, String> ids = new HashMap<>();
        return jdbc.sql("""
                SELECT l.worker_id, w.id_number_cipher, w.id_number_masked, l.worker_name, l.days_worked, l.gross,
                       l.deductions, l.net, l.pay_date, l.signed
                  FROM payroll_line l JOIN published_worker w ON w.id = l.worker_id
                 WHERE l.project_id = :p AND l.month = :m AND l.current ORDER BY l.source_row
                """).param("p", projectId).param("m", Date.valueOf(month.atDay(1))).query((rs, n) -> {
                    long worker = rs.getLong(1);
                    String id = clear ? ids.computeIfAbsent(worker, k -> decrypt(rs, 2)) : rs.getString(3);
                    return line(rs, worker, id);
                }).list();
    }

    public List<Line> linesOf(long workerId, long projectId, YearMonth month) {
        return jdbc.sql("""
                SELECT l.worker_id, NULL, w.id_number_masked, l.worker_name, l.days_worked, l.gross, l.deductions,
                       l.net, l.pay_date, l.signed
                  FROM payroll_line l JOIN published_worker w ON w.id = l.worker_id
                 WHERE l.worker_id = :w AND l.project_id = :p AND l.month = :m AND l.current
                """).param("w", workerId).param("p", projectId).param("m", Date.valueOf(month.atDay(1)))
                .query((rs, n) -> line(rs, rs.getLong(1), rs.getString(3))).list();
    }

    private static Line line(ResultSet rs, long worker, String id) throws SQLException {
        Object signed = rs.getObject(10);
        return new Line(worker, id, rs.getString(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getDate(9).toLocalDate(), (Boolean) signed);
    }

    private static final String PAYMENTS = """
            SELECT d.id, d.transaction_id, d.card_cipher, d.card_masked, d.card_hash, d.payee_name, d.payee_id_cipher,
                   w.id AS payee_worker, w.id_number_masked, d.amount, d.value_date, d.status
              FROM disbursement d LEFT JOIN published_worker w ON w.id_number_hash = d.payee_id_hash
            """;

    public List<Payment> disbursementsForProcessing(long projectId, YearMonth month) {
        return jdbc.sql(PAYMENTS + " WHERE d.project_id = :p AND d.month = :m AND d.current ORDER BY d.source_row")
                .param("p", projectId).param("m", Date.valueOf(month.atDay(1)))
                .query((rs, n) -> payment(rs, true)).list();
    }

    public List<Payment> disbursements(long projectId, YearMonth month) {
        return jdbc.sql(PAYMENTS + " WHERE d.project_id = :p AND d.month = :m AND d.current ORDER BY d.value_date, d.source_row")
                .param("p", projectId).param("m", Date.valueOf(month.atDay(1)))
                .query((rs, n) -> payment(rs, false)).list();
    }

    private Payment payment(ResultSet rs, boolean clear) throws SQLException {
        long payee = rs.getLong("payee_worker");
        Long payeeWorker = rs.wasNull() ? null : payee;
        String payeeId = rs.getString("payee_id_cipher") == null ? null
                : clear ? sensitive.decryptForProcessing(rs.getString("payee_id_cipher")) : rs.getString("id_number_masked");
        return new Payment(rs.getLong("id"), rs.getString("transaction_id"),
                clear ? sensitive.decryptForProcessing(rs.getString("card_cipher")) : rs.getString("card_masked"),
                rs.getString("card_hash"), rs.getString("payee_name"), payeeId, payeeWorker, rs.getBigDecimal("amount"),
                rs.getDate("value_date").toLocalDate(), rs.getString("status"));
    }

    /** Every project where the worker is on a pay sheet, for the worker's own view. */
    public List<Long> payrollProjectIds(long workerId) {
        return jdbc.sql("SELECT DISTINCT project_id FROM payroll_line WHERE worker_id = :w AND current")
                .param("w", workerId).query(Long.class).list();
    }

    /** Projects in scope where the worker is on a pay sheet (a worker may be paid without roster or attendance). */
    public List<Long> payrollProjectIdsInScope(DataScope scope, long workerId) {
        var predicate = scope.predicate(PROJECT);
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        params.put("w", workerId);
        return jdbc.sql("SELECT p.id FROM published_project p WHERE EXISTS (SELECT 1 FROM payroll_line l WHERE l.project_id = p.id"
                + " AND l.worker_id = :w AND l.current) AND " + predicate.sql()).params(params).query(Long.class).list();
    }

    /**
     * A worker's months on the given projects: days on the pay sheet, net wage, and paid — SUCCESS disbursements
     * for the month attributed to the worker by payee ID, or by the worker's roster card where the payee ID is empty.
     */
    public List<WorkerMonth> monthsOf(long workerId, List<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        String workerHash = jdbc.sql("SELECT id_number_hash FROM published_worker WHERE id = :w").param("w", workerId)
                .query(String.class).single();
        return jdbc.sql("""
                WITH months AS (
                    SELECT project_id, month FROM payroll_line WHERE worker_id = :w AND current AND project_id IN (:projects)
                    UNION SELECT project_id, month FROM disbursement d
                     WHERE current AND project_id IN (:projects) AND (payee_id_hash = :h OR (payee_id_hash IS NULL
                       AND card_hash IN (SELECT bank_card_hash FROM published_employment e WHERE e.worker_id = :w
                           AND e.project_id = d.project_id AND e.current)))
                    UNION SELECT project_id, date_trunc('month', work_date)::date FROM published_attendance
                     WHERE worker_id = :w AND current AND project_id IN (:projects))
                SELECT m.project_id, m.month,
                       (SELECT days_worked FROM payroll_line l WHERE l.worker_id = :w AND l.project_id = m.project_id
                           AND l.month = m.month AND l.current) AS days,
                       (SELECT net FROM payroll_line l WHERE l.worker_id = :w AND l.project_id = m.project_id
                           AND l.month = m.month AND l.current) AS net,
                       (SELECT COALESCE(sum(amount), 0) FROM disbursement d WHERE d.project_id = m.project_id
                           AND d.month = m.month AND d.current AND d.status = 'SUCCESS'
                           AND (d.payee_id_hash = :h OR (d.payee_id_hash IS NULL AND d.card_hash IN (
                               SELECT bank_card_hash FROM published_employment e WHERE e.worker_id = :w
                                  AND e.project_id = d.project_id AND e.current)))) AS paid
                  FROM months m ORDER BY m.month DESC, m.project_id
                """).param("w", workerId).param("h", workerHash).param("projects", projectIds)
                .query((rs, n) -> {
                    int days = rs.getInt("days");
                    Integer d = rs.wasNull() ? null : days;
                    return new WorkerMonth(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), d,
                            rs.getBigDecimal("net"), rs.getBigDecimal("paid"));
                }).list();
    }

    private String decrypt(ResultSet rs, int column) {
        try {
            return sensitive.decryptForProcessing(rs.getString(column));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
