package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;

/**
 * Labor cost the owner transferred into the special account (Decree 724 Art. 24), compared with the contract's
 * monthly schedule: early-warning rule 7 reads {@link #gaps}.
 */
@Service
@Transactional(readOnly = true)
public class LaborCostTransfers {

    public record Transfer(long id, YearMonth month, LocalDate transferredOn, BigDecimal amount, String reference) {
    }

    /** A scheduled month whose transfers fall short of the schedule. */
    public record Gap(long projectId, YearMonth month, BigDecimal scheduled, BigDecimal transferred) {
        public BigDecimal shortfall() {
            return scheduled.subtract(transferred);
        }
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;

    LaborCostTransfers(JdbcClient jdbc, OperationLog operationLog) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
    }

    @Transactional
    public long record(long projectId, YearMonth month, LocalDate transferredOn, BigDecimal amount, String reference) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount");
        }
        long id = jdbc.sql("""
                INSERT INTO labor_cost_transfer (project_id, month, transferred_on, amount, reference, created_by)
                VALUES (:p, :m, :d, :a, :r, :by) RETURNING id
                """).param("p", projectId).param("m", month.atDay(1)).param("d", transferredOn).param("a", amount)
                .param("r", reference)
                .param("by", CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system"))
                .query(Long.class).single();
        operationLog.record("LABOR_COST_TRANSFER", "project", projectId,
                "登记人工费用拨付：" + month + " " + amount.toPlainString() + " 元");
        return id;
    }

    public List<Transfer> of(long projectId) {
        return jdbc.sql("""
                SELECT id, month, transferred_on, amount, reference FROM labor_cost_transfer
                 WHERE project_id = :p ORDER BY month, transferred_on, id
                """).param("p", projectId)
                .query((rs, n) -> new Transfer(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getString(5)))
                .list();
    }

    /**
     * Scheduled months up to {@code upTo} (of projects under way) whose transfers for the month, received before the
     * {@code graceDays}-th day after the month ended, add up to less than scheduled.
     */
    public List<Gap> gaps(YearMonth upTo, int graceDays) {
        return jdbc.sql("""
                SELECT s.project_id, s.month, s.amount,
                       (SELECT COALESCE(sum(t.amount), 0) FROM labor_cost_transfer t
                         WHERE t.project_id = s.project_id AND t.month = s.month
                           AND t.transferred_on < s.month + INTERVAL '1 month' + make_interval(days => :grace)) AS transferred
                  FROM labor_cost_schedule s JOIN project p ON p.id = s.project_id
                 WHERE s.month <= :upTo AND s.amount > 0 AND p.status IN ('UNDER_CONSTRUCTION', 'SUSPENDED')
                """).param("upTo", upTo.atDay(1)).param("grace", graceDays)
                .query((rs, n) -> new Gap(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list().stream().filter(g -> g.transferred().compareTo(g.scheduled()) < 0).toList();
    }
}
