package org.wageguard.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * The wage-deposit ledger (工资保证金台账): the required amount computed from the region's parameters in force,
 * deposits, draws to pay workers (only on an order to pay that went unheeded; paid out within 5 working days),
 * top-ups (within 10 working days of a draw), and the return at completion.
 */
@Service
@Transactional(readOnly = true)
public class WageDeposits {

    public enum MovementKind { DEPOSIT, DRAW, TOP_UP, RETURN }

    public record Movement(long id, MovementKind kind, BigDecimal amount, LocalDate occurredOn, LocalDate dueOn,
            String reference, String note, String recordedBy) {
    }

    public record Ledger(DepositPolicy.Requirement requirement, List<Movement> movements, BigDecimal balance,
            BigDecimal shortfall, LocalDate topUpDue) {
    }

    /** A ledger entry the rules do not allow; the message is for the officer, in Chinese. */
    public static class LedgerRuleException extends RuntimeException {
        public LedgerRuleException(String message) {
            super(message);
        }
    }

    static final int PAY_OUT_WORKING_DAYS = 5;
    static final int TOP_UP_WORKING_DAYS = 10;

    private final JdbcClient jdbc;
    private final Employers employers;
    private final OperationLog operationLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WageDeposits(JdbcClient jdbc, Employers employers, OperationLog operationLog, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.employers = employers;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** The parameters in force for a region on a day: the nearest region up the tree that has any. */
    public Optional<DepositParameters> parametersFor(String regionCode, LocalDate day) {
        return jdbc.sql("""
                SELECT region_code, effective_from, base_rate, multi_project_rate, multi_project_threshold, exempt_below,
                       clean_two_years_factor, arrears_factor, blacklist_factor
                  FROM deposit_parameter
                 WHERE :region LIKE (CASE WHEN region_code LIKE '__0000' THEN left(region_code, 2)
                                        WHEN region_code LIKE '____00' THEN left(region_code, 4)
                                        ELSE region_code END) || '%'
                   AND effective_from <= :day
                 ORDER BY length(region_code) DESC, (region_code LIKE '__0000'), (region_code LIKE '____00'),
                          effective_from DESC LIMIT 1
                """).param("region", regionCode).param("day", Date.valueOf(day)).query(Rows.of(DepositParameters.class))
                .optional();
    }

    public List<DepositParameters> parameters() {
        return jdbc.sql("""
                SELECT region_code, effective_from, base_rate, multi_project_rate, multi_project_threshold, exempt_below,
                       clean_two_years_factor, arrears_factor, blacklist_factor
                  FROM deposit_parameter ORDER BY region_code, effective_from DESC
                """).query(Rows.of(DepositParameters.class)).list();
    }

    @Transactional
    public void addParameters(DepositParameters p) {
        jdbc.sql("""
                INSERT INTO deposit_parameter (region_code, effective_from, base_rate, multi_project_rate,
                    multi_project_threshold, exempt_below, clean_two_years_factor, arrears_factor, blacklist_factor, created_by)
                VALUES (:region, :from, :base, :multi, :threshold, :exempt, :clean, :arrears, :blacklist, :actor)
                """).param("region", p.regionCode()).param("from", Date.valueOf(p.effectiveFrom()))
                .param("base", p.baseRate()).param("multi", p.multiProjectRate())
                .param("threshold", p.multiProjectThreshold()).param("exempt", p.exemptBelow())
                .param("clean", p.cleanTwoYearsFactor()).param("arrears", p.arrearsFactor())
                .param("blacklist", p.blacklistFactor()).param("actor", actor()).update();
        operationLog.record("DEPOSIT_PARAMETERS", "deposit_parameter", p.regionCode(),
                "设置工资保证金参数，" + p.effectiveFrom() + " 起施行，比例 " + DepositPolicy.percent(p.baseRate()));
    }

    /** What the project's general contractor must lodge today, with the reasoning; empty if no parameters apply. */
    public Optional<DepositPolicy.Requirement> requirement(long projectId) {
        record Row(String regionCode, BigDecimal contractValue, long generalContractorId) {
        }
        Row row = jdbc.sql("SELECT region_code, contract_value, general_contractor_id FROM project WHERE id = :id")
                .param("id", projectId).query(Rows.of(Row.class)).single();
        LocalDate today = LocalDate.now(clock);
        return parametersFor(row.regionCode(), today).map(p -> {
            var standing = employers.standing(row.generalContractorId(), today);
            int underWay = jdbc.sql("""
                    SELECT count(*) FROM project WHERE general_contractor_id = :gc AND status = 'UNDER_CONSTRUCTION'
                       AND region_code LIKE :prefix
                    """).param("gc", row.generalContractorId()).param("prefix", row.regionCode().substring(0, 6) + "%")
                    .query(Integer.class).single();
            return DepositPolicy.required(row.contractValue(), p, new DepositPolicy.ContractorRecord(
                    standing.arrearsInLastTwoYears(), standing.blacklisted(), standing.cleanYears(), underWay));
        });
    }

    public Ledger ledger(long projectId) {
        List<Movement> movements = jdbc.sql("""
                SELECT id, kind, amount, occurred_on, due_on, reference, note, recorded_by
                  FROM wage_deposit_movement WHERE project_id = :id ORDER BY occurred_on, id
                """).param("id", projectId).query(Rows.of(Movement.class)).list();
        BigDecimal balance = BigDecimal.ZERO;
        LocalDate topUpDue = null;
        for (Movement m : movements) {
            switch (m.kind()) {
                case DEPOSIT, TOP_UP -> balance = balance.add(m.amount());
                case DRAW, RETURN -> balance = balance.subtract(m.amount());
            }
            if (m.kind() == MovementKind.DRAW) {
                topUpDue = workingDaysAfter(m.occurredOn(), TOP_UP_WORKING_DAYS);
            }
        }
        DepositPolicy.Requirement requirement = requirement(projectId).orElse(null);
        BigDecimal shortfall = requirement == null ? BigDecimal.ZERO
                : requirement.amount().subtract(balance).max(BigDecimal.ZERO);
        return new Ledger(requirement, movements, balance.setScale(2), shortfall.setScale(2),
                shortfall.signum() > 0 ? topUpDue : null);
    }

    @Transactional
    public void deposit(long projectId, MovementKind kind, BigDecimal amount, LocalDate on, String note) {
        if (kind != MovementKind.DEPOSIT && kind != MovementKind.TOP_UP) {
            throw new IllegalArgumentException(kind.name());
        }
        insert(projectId, kind, amount, on, null, null, note);
        refreshComplianceAmount(projectId);
    }

    /**
     * Draws on the deposit to pay workers. Allowed only once an order to pay (限期改正指令书) has passed its
     * deadline unheeded; the workers must be paid within 5 working days and the contractor tops up within 10.
     */
    @Transactional
    public void draw(long projectId, BigDecimal amount, LocalDate on, String orderReference, LocalDate orderDeadline,
            String note) {
        if (orderReference == null || orderReference.isBlank() || orderDeadline == null) {
            throw new LedgerRuleException("动用工资保证金须依据已送达的限期改正指令书（文号和履行期限）。");
        }
        if (!orderDeadline.isBefore(on)) {
            throw new LedgerRuleException("限期改正指令书的履行期限（" + orderDeadline + "）尚未届满，不得动用工资保证金。");
        }
        if (ledger(projectId).balance().compareTo(amount) < 0) {
            throw new LedgerRuleException("动用金额超过保证金余额。");
        }
        insert(projectId, MovementKind.DRAW, amount, on, workingDaysAfter(on, PAY_OUT_WORKING_DAYS), orderReference, note);
        refreshComplianceAmount(projectId);
    }

    /** Returns the balance once the project is completed (and no arrears remain, which the officer confirms). */
    @Transactional
    public void returnDeposit(long projectId, LocalDate on, String note) {
        String status = jdbc.sql("SELECT status FROM project WHERE id = :id").param("id", projectId)
                .query(String.class).single();
        if (!status.equals("COMPLETED") && !status.equals("DELIVERED")) {
            throw new LedgerRuleException("项目未竣工，不得退还工资保证金。");
        }
        BigDecimal balance = ledger(projectId).balance();
        if (balance.signum() <= 0) {
            throw new LedgerRuleException("保证金余额为零，无可退还。");
        }
        insert(projectId, MovementKind.RETURN, balance, on, null, null, note);
        refreshComplianceAmount(projectId);
    }

    private void insert(long projectId, MovementKind kind, BigDecimal amount, LocalDate on, LocalDate due,
            String reference, String note) {
        if (amount == null || amount.signum() <= 0) {
            throw new LedgerRuleException("金额应大于零。");
        }
        jdbc.sql("""
                INSERT INTO wage_deposit_movement (project_id, kind, amount, occurred_on, due_on, reference, note, recorded_by)
                VALUES (:p, :kind, :amount, :on, :due, :ref, :note, :actor)
                """).param("p", projectId).param("kind", kind.name()).param("amount", amount)
                .param("on", Date.valueOf(on)).param("due", due == null ? null : Date.valueOf(due))
                .param("ref", reference).param("note", note).param("actor", actor()).update();
        operationLog.record("DEPOSIT_" + kind.name(), "project", projectId, "工资保证金" + switch (kind) {
            case DEPOSIT -> "缴存";
            case DRAW -> "动用";
            case TOP_UP -> "补足";
            case RETURN -> "退还";
        } + " " + DepositPolicy.yuan(amount) + " 元");
    }

    /** The ledger balance is the deposit item's amount: one fact, one place. */
    private void refreshComplianceAmount(long projectId) {
        BigDecimal balance = ledger(projectId).balance();
        LocalDate first = jdbc.sql("SELECT min(occurred_on) FROM wage_deposit_movement WHERE project_id = :p AND kind = 'DEPOSIT'")
                .param("p", projectId).query(Date.class).optional().map(Date::toLocalDate).orElse(null);
        // Counts the item's version up: a compliance form open on the deposit item is stale now.
        Versioned.update(jdbc, "compliance_item", """
                amount = :amount, established_on = COALESCE(established_on, :first), form = COALESCE(form, 'CASH')""")
                .param("amount", balance).param("first", first == null ? null : Date.valueOf(first))
                .key("project_id").where("kind = 'WAGE_DEPOSIT'").by(actor()).rowAtAnyVersion(projectId);
        events.publishEvent(new DepositLedgerChanged(projectId));
    }

    /** Working days after a day, skipping weekends (the public-holiday calendar comes with casework). */
    static LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        LocalDate d = day;
        int left = workingDays;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
