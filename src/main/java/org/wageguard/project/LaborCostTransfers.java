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

    /** Where a transfer on record came from: typed in from a paper statement, or sent by the bank. */
    public enum Source { MANUAL, BANK }

    /**
     * A transfer on record; {@code source} says whether the industry officer typed it in (手工录入) or the bank sent
     * it (银行报送), {@code payerName} the payer the bank named.
     */
    public record Transfer(long id, YearMonth month, LocalDate transferredOn, BigDecimal amount, String reference,
            Source source, String payerName) {
    }

    /** A credit of labor cost to the special account as a bank's statement sends it. */
    public record Credit(long projectId, YearMonth month, LocalDate transferredOn, BigDecimal amount, String transactionId,
            String payerName) {
    }

    /** The special account's balance at the end of a day, as the bank sends it. */
    public record Balance(long projectId, LocalDate asOf, BigDecimal balance) {
    }

    /** What a statement did: credits recorded anew and those already on record, balances recorded or corrected. */
    public record Fed(int recorded, int alreadyRecorded, int balances) {
    }

    /**
     * A scheduled month whose transfers fall short of the schedule; {@code bySource} how much of what arrived the bank
     * sent (银行报送) and how much was typed in (手工录入).
     */
    public record Gap(long projectId, YearMonth month, BigDecimal scheduled, BigDecimal transferred,
            BigDecimal transferredByBank) {
        public BigDecimal transferredByHand() {
            return transferred.subtract(transferredByBank);
        }

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
                INSERT INTO labor_cost_transfer (project_id, month, transferred_on, amount, reference, created_by, source)
                VALUES (:p, :m, :d, :a, :r, :by, 'MANUAL') RETURNING id
                """).param("p", projectId).param("m", month.atDay(1)).param("d", transferredOn).param("a", amount)
                .param("r", reference)
                .param("by", CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system"))
                .query(Long.class).single();
        operationLog.record("LABOR_COST_TRANSFER", "project", projectId,
                "登记人工费用拨付：" + month + " " + amount.toPlainString() + " 元");
        return id;
    }

    /**
     * Records a bank's statement (the special account's credits and balances), all of it in the caller's transaction.
     * A credit whose transaction id the project already has from the bank is not recorded again; a balance of a day
     * already on record is replaced by the later statement.
     */
    @Transactional
    public Fed recordFed(List<Credit> credits, List<Balance> balances, String actor) {
        int recorded = 0;
        for (Credit c : credits) {
            recorded += jdbc.sql("""
                    INSERT INTO labor_cost_transfer (project_id, month, transferred_on, amount, reference, payer_name,
                        source, created_by)
                    VALUES (:p, :m, :d, :a, :r, :payer, 'BANK', :by)
                    ON CONFLICT (project_id, reference) WHERE source = 'BANK' DO NOTHING
                    """).param("p", c.projectId()).param("m", c.month().atDay(1)).param("d", c.transferredOn())
                    .param("a", c.amount()).param("r", c.transactionId()).param("payer", c.payerName()).param("by", actor)
                    .update();
        }
        for (Balance b : balances) {
            jdbc.sql("""
                    INSERT INTO special_account_balance (project_id, as_of, balance, created_by) VALUES (:p, :d, :b, :by)
                    ON CONFLICT (project_id, as_of) DO UPDATE SET balance = EXCLUDED.balance, created_by = EXCLUDED.created_by,
                        created_at = now()
                    """).param("p", b.projectId()).param("d", b.asOf()).param("b", b.balance()).param("by", actor).update();
        }
        return new Fed(recorded, credits.size() - recorded, balances.size());
    }

    public List<Transfer> of(long projectId) {
        return jdbc.sql("""
                SELECT id, month, transferred_on, amount, reference, source, payer_name FROM labor_cost_transfer
                 WHERE project_id = :p ORDER BY month, transferred_on, id
                """).param("p", projectId)
                .query((rs, n) -> new Transfer(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getString(5), Source.valueOf(rs.getString(6)),
                        rs.getString(7)))
                .list();
    }

    /** The balances the bank sent for the project's special account, latest first. */
    public List<Balance> balances(long projectId, int limit) {
        return jdbc.sql("""
                SELECT project_id, as_of, balance FROM special_account_balance WHERE project_id = :p
                 ORDER BY as_of DESC LIMIT :limit
                """).param("p", projectId).param("limit", limit)
                .query((rs, n) -> new Balance(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3))).list();
    }

    /**
     * Scheduled months up to {@code upTo} (of projects under way) whose transfers for the month, received before the
     * {@code graceDays}-th day after the month ended, add up to less than scheduled.
     */
    public List<Gap> gaps(YearMonth upTo, int graceDays) {
        return jdbc.sql("""
                SELECT s.project_id, s.month, s.amount, COALESCE(t.transferred, 0), COALESCE(t.by_bank, 0)
                  FROM labor_cost_schedule s JOIN project p ON p.id = s.project_id
                  LEFT JOIN LATERAL (SELECT sum(x.amount) AS transferred,
                                            sum(x.amount) FILTER (WHERE x.source = 'BANK') AS by_bank
                                       FROM labor_cost_transfer x
                                      WHERE x.project_id = s.project_id AND x.month = s.month
                                        AND x.transferred_on < s.month + INTERVAL '1 month' + make_interval(days => :grace)) t ON true
                 WHERE s.month <= :upTo AND s.amount > 0 AND p.status IN ('UNDER_CONSTRUCTION', 'SUSPENDED')
                """).param("upTo", upTo.atDay(1)).param("grace", graceDays)
                .query((rs, n) -> new Gap(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list().stream().filter(g -> g.transferred().compareTo(g.scheduled()) < 0).toList();
    }
}
