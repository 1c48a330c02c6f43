package org.wageguard.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Versioned;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.RegionCode;
import org.wageguard.shared.Rows;
import org.wageguard.shared.WorkingDayCalendar;

/**
 * The wage-deposit ledger (工资保证金台账) under 《工程建设领域农民工工资保证金规定》 (人社部发〔2021〕65号): the required
 * amount computed from the region's parameters and the contractor's standing as of the day the deposit was lodged
 * (a project once rated is not re-rated by a later standing; before it is lodged, as of today), deposits, draws to
 * pay workers (only on an order to pay that went unheeded; paid out within 5 working days), top-ups (within 10
 * working days of a draw), both counted on the working-day calendar casework keeps (holidays and make-up days,
 * 65号 Chapter 3), and the return at completion.
 */
@Service
@Transactional(readOnly = true)
public class WageDeposits {

    public enum MovementKind { DEPOSIT, DRAW, TOP_UP, RETURN }

    public record Movement(long id, MovementKind kind, BigDecimal amount, LocalDate occurredOn, LocalDate dueOn,
            String reference, String note, String recordedBy) {
    }

    /**
     * The ledger: the cash movements and balance, the amount guaranteed by verified guarantee letters and insurance in
     * force today (the register, {@link DepositGuarantees}), what is short of the requirement, the top-up deadline.
     */
    public record Ledger(DepositPolicy.Requirement requirement, List<Movement> movements, BigDecimal balance,
            BigDecimal shortfall, LocalDate topUpDue, BigDecimal guaranteed) {
    }

    /** A ledger entry the rules do not allow; the message is for the officer, in Chinese. */
    public static class LedgerRuleException extends RuntimeException {
        public LedgerRuleException(String message) {
            super(message);
        }
    }

    /** 65号 Chapter 3: the workers are paid (the issuer pays a claim) within 5 working days. */
    static final int PAY_OUT_WORKING_DAYS = 5;
    static final int TOP_UP_WORKING_DAYS = 10;

    private final CodeTables codeTables;
    private final JdbcClient jdbc;
    private final Employers employers;
    private final OperationLog operationLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WorkingDayCalendar calendar;

    WageDeposits(JdbcClient jdbc, Employers employers, OperationLog operationLog, Clock clock,
            ApplicationEventPublisher events, WorkingDayCalendar calendar, CodeTables codeTables) {
        this.codeTables = codeTables;
        this.events = events;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.employers = employers;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** The parameters in force for a region on a day: the nearest region up the tree that has any. */
    public Optional<DepositParameters> parametersFor(String regionCode, LocalDate day) {
        return jdbc.sql("""
                SELECT region_code, effective_from, base_rate, multi_project_rate, multi_project_threshold, exempt_below,
                       clean_two_years_factor, arrears_factor, blacklist_factor, cap_amount
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
                       clean_two_years_factor, arrears_factor, blacklist_factor, cap_amount
                  FROM deposit_parameter ORDER BY region_code, effective_from DESC
                """).query(Rows.of(DepositParameters.class)).list();
    }

    /** Adds a region's parameters from a date on; refused where 人社部发〔2021〕65号 does not allow them. */
    @Transactional
    public void addParameters(DepositParameters p) {
        String problem = p.problem();
        if (problem != null) {
            throw new LedgerRuleException(problem);
        }
        jdbc.sql("""
                INSERT INTO deposit_parameter (region_code, effective_from, base_rate, multi_project_rate,
                    multi_project_threshold, exempt_below, clean_two_years_factor, arrears_factor, blacklist_factor,
                    cap_amount, created_by)
                VALUES (:region, :from, :base, :multi, :threshold, :exempt, :clean, :arrears, :blacklist, :cap, :actor)
                """).param("cap", p.capAmount()).param("region", p.regionCode()).param("from", Date.valueOf(p.effectiveFrom()))
                .param("base", p.baseRate()).param("multi", p.multiProjectRate())
                .param("threshold", p.multiProjectThreshold()).param("exempt", p.exemptBelow())
                .param("clean", p.cleanTwoYearsFactor()).param("arrears", p.arrearsFactor())
                .param("blacklist", p.blacklistFactor()).param("actor", actor()).update();
        operationLog.record("DEPOSIT_PARAMETERS", "deposit_parameter", p.regionCode(),
                "设置工资保证金参数，" + p.effectiveFrom() + " 起施行，比例 " + DepositPolicy.percent(p.baseRate()));
    }

    /**
     * What the project's general contractor must lodge, with the reasoning; empty if no parameters apply. Rated as of
     * the day the deposit was first lodged (the parameters then in force and the contractor's standing then: a later
     * arrears record or a later clean year does not re-rate a project already lodged), before that as of today.
     */
    public Optional<DepositPolicy.Requirement> requirement(long projectId) {
        LocalDate today = LocalDate.now(clock);
        LocalDate lodged = lodgedOn(projectId);
        return requirementOn(projectId, lodged == null || lodged.isAfter(today) ? today : lodged);
    }

    /**
     * The requirement as the deposit lodged on {@code day} is rated: the parameters in force then (the region's first
     * ones where none were yet) and the contractor's standing then.
     */
    public Optional<DepositPolicy.Requirement> requirementOn(long projectId, LocalDate day) {
        record Row(String regionCode, BigDecimal contractValue, long generalContractorId, LocalDate contractDate) {
        }
        Row row = jdbc.sql("SELECT region_code, contract_value, general_contractor_id, contract_date FROM project WHERE id = :id")
                .param("id", projectId).query(Rows.of(Row.class)).single();
        LocalDate today = LocalDate.now(clock);
        String prefix = row.regionCode().substring(0, 6) + "%";
        Optional<DepositParameters> inForce = parametersFor(row.regionCode(), day);
        Optional<DepositParameters> chosen = inForce.or(() -> firstParametersFor(row.regionCode()));
        return chosen.map(p -> {
            var standing = employers.standing(row.generalContractorId(), day);
            int underWay = jdbc.sql("""
                    SELECT count(*) FROM project WHERE general_contractor_id = :gc AND status = 'UNDER_CONSTRUCTION'
                       AND region_code LIKE :prefix AND contract_date <= :day
                    """).param("gc", row.generalContractorId()).param("prefix", prefix).param("day", Date.valueOf(day))
                    .query(Integer.class).single();
            boolean arrearsBeforeContract = employers.arrearsBetween(row.generalContractorId(),
                    row.contractDate().minusYears(1), row.contractDate());
            String regionName = codeTables.region(p.regionCode()).map(CodeTables.Region::name).orElse(p.regionCode());
            var requirement = DepositPolicy.required(row.contractValue(), p, regionName, new DepositPolicy.ContractorRecord(
                    standing.arrearsInLastTwoYears(), standing.blacklisted(), standing.cleanYears(), underWay,
                    arrearsBeforeContract, realNameAndSpecialAccountInPlace(projectId)));
            List<String> why = new java.util.ArrayList<>(requirement.reasoning());
            why.add(1, (day.equals(today) && lodgedOn(projectId) == null
                    ? "尚未存储：按今日（" + today + "）的信用状况计算，存储之日确定"
                    : "按存储之日（" + day + "）的信用状况和参数核定，此后不因信用状况变化重新核定")
                    + (inForce.isEmpty() ? "（当日尚无参数，适用本地区最早施行的参数）" : ""));
            return new DepositPolicy.Requirement(requirement.amount(), requirement.effectiveRate(), requirement.exempt(), why);
        });
    }

    /** The region's first parameters (its own, else its city's, else its province's). */
    private Optional<DepositParameters> firstParametersFor(String regionCode) {
        return parameters().stream().filter(p -> regionCode.startsWith(RegionCode.of(p.regionCode()).subtreePrefix()))
                .min(java.util.Comparator.comparing((DepositParameters p) -> -p.regionCode().replaceAll("0+$", "").length())
                        .thenComparing(DepositParameters::effectiveFrom));
    }

    /** The day the deposit was first lodged (cash, or a guarantee letter or policy handed in), if it was. */
    public LocalDate lodgedOn(long projectId) {
        return jdbc.sql("""
                SELECT least((SELECT min(occurred_on) FROM wage_deposit_movement WHERE project_id = :p AND kind = 'DEPOSIT'),
                             (SELECT min(lodged_on) FROM deposit_guarantee WHERE project_id = :p))
                """).param("p", projectId).query(Date.class).optional().map(Date::toLocalDate).orElse(null);
    }

    /** What verified guarantee letters and insurance in force today, not yet claimed, stand for. */
    BigDecimal guaranteed(long projectId) {
        return jdbc.sql("""
                SELECT COALESCE(sum(amount), 0) FROM deposit_guarantee WHERE project_id = :p AND verified_on IS NOT NULL
                   AND claimed_on IS NULL AND valid_from <= :today AND valid_until >= :today
                """).param("p", projectId).param("today", Date.valueOf(LocalDate.now(clock))).query(BigDecimal.class)
                .single();
    }

    /**
     * Real-name management and the special wage account in place (65号 Art. 10, the condition of the three-clean-years
     * exemption of the new project): both of the project's compliance items 在位, as derived from the recorded facts,
     * now (an exempt project lodges nothing, so it is rated as of today anyway).
     */
    private boolean realNameAndSpecialAccountInPlace(long projectId) {
        return jdbc.sql("""
                SELECT count(*) = 2 FROM compliance_item
                 WHERE project_id = :p AND kind IN ('REAL_NAME', 'SPECIAL_ACCOUNT') AND status = 'PRESENT'
                """).param("p", projectId).query(Boolean.class).single();
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
                topUpDue = calendar.plus(m.occurredOn(), TOP_UP_WORKING_DAYS);
            }
        }
        DepositPolicy.Requirement requirement = requirement(projectId).orElse(null);
        BigDecimal guaranteed = guaranteed(projectId);
        BigDecimal shortfall = requirement == null ? BigDecimal.ZERO
                : requirement.amount().subtract(balance).subtract(guaranteed).max(BigDecimal.ZERO);
        return new Ledger(requirement, movements, balance.setScale(2), shortfall.setScale(2),
                shortfall.signum() > 0 ? topUpDue : null, guaranteed.setScale(2));
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
     * A served order to pay (限期改正指令书) of an open case on the project whose workers are still owed money (casework's
     * published view {@code published_payment_order}): what a draw on the project page rests on, chosen from a list.
     */
    public record UnfulfilledOrder(long id, String caseNumber, String number, LocalDate servedOn, LocalDate deadline,
            BigDecimal owed) {
    }

    /** The project's served orders to pay not yet fulfilled, the latest deadline first. */
    @Transactional(readOnly = true)
    public List<UnfulfilledOrder> unfulfilledOrders(long projectId) {
        return jdbc.sql("""
                SELECT id, case_number, number, served_on, deadline, owed FROM published_payment_order
                 WHERE project_id = :p AND owed > 0 ORDER BY deadline DESC, id DESC
                """).param("p", projectId).query(Rows.of(UnfulfilledOrder.class)).list();
    }

    /**
     * Draws on the deposit to pay workers, on an order to pay of a case on this project, served and not fulfilled, whose
     * deadline passed unheeded by {@code on}, never above what that case's workers are still owed; the workers must be
     * paid within 5 working days and the contractor tops up within 10. The ledger names the order and its case.
     */
    @Transactional
    public void draw(long projectId, BigDecimal amount, LocalDate on, Long orderId, String note) {
        UnfulfilledOrder order = orderId == null ? null : unfulfilledOrders(projectId).stream()
                .filter(o -> o.id() == orderId).findFirst().orElse(null);
        if (order == null) {
            throw new LedgerRuleException("动用工资保证金须依据本项目在办案件已送达、尚未履行的限期改正指令书，请从列表中选择。");
        }
        requireLapsedOrder(order.number(), order.deadline(), on, "动用工资保证金");
        if (amount != null && amount.compareTo(order.owed()) > 0) {
            throw new LedgerRuleException("动用金额 " + DepositPolicy.yuan(amount) + " 元超过案件 " + order.caseNumber() + " 尚欠的工资 "
                    + DepositPolicy.yuan(order.owed()) + " 元。");
        }
        requireBalance(projectId, amount);
        insert(projectId, MovementKind.DRAW, amount, on, calendar.plus(on, PAY_OUT_WORKING_DAYS),
                order.number() + " · " + order.caseNumber(), note);
        refreshComplianceAmount(projectId);
    }

    /**
     * Draws on the deposit for a case's workers on the case's own decision, which casework checked (the decision ordering
     * payment unheeded past its deadline, not above the case's arrears: 65号第十九条); {@code caseReference} names the
     * case and the decision in the ledger. The workers are paid within 5 working days, the contractor tops up within 10
     * (第二十条).
     */
    @Transactional
    public void drawForCase(long projectId, BigDecimal amount, LocalDate on, String caseReference, String note) {
        if (caseReference == null || caseReference.isBlank()) {
            throw new LedgerRuleException("动用工资保证金须注明所依据的案件和行政处理决定。");
        }
        requireBalance(projectId, amount);
        insert(projectId, MovementKind.DRAW, amount, on, calendar.plus(on, PAY_OUT_WORKING_DAYS), caseReference, note);
        refreshComplianceAmount(projectId);
    }

    private void requireBalance(long projectId, BigDecimal amount) {
        Ledger ledger = ledger(projectId);
        if (amount != null && ledger.balance().compareTo(amount) < 0) {
            throw new LedgerRuleException("动用金额超过现金保证金余额" + (ledger.guaranteed().signum() > 0
                    ? "；以银行保函或保险替代的部分，请在保函与保险登记簿中向出具机构索赔。" : "。"));
        }
    }

    /**
     * The deposit (cash, or a claim on a guarantee) is used only on a served order to pay (限期改正指令书) whose deadline
     * passed unheeded by {@code on}; {@code use} names the act in the refusal.
     */
    static void requireLapsedOrder(String orderReference, LocalDate orderDeadline, LocalDate on, String use) {
        if (orderReference == null || orderReference.isBlank() || orderDeadline == null || on == null) {
            throw new LedgerRuleException(use + "须依据已送达的限期改正指令书（文号和履行期限）。");
        }
        if (!orderDeadline.isBefore(on)) {
            throw new LedgerRuleException("限期改正指令书的履行期限（" + orderDeadline + "）尚未届满，不得" + use + "。");
        }
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

    /**
     * The ledger balance plus what verified guarantees stand for is the deposit item's amount: one fact, one place.
     * Where a guarantee counts, the item's form and validity are the guarantee's (the earliest end of those counted).
     */
    void refreshComplianceAmount(long projectId) {
        Ledger ledger = ledger(projectId);
        LocalDate first = lodgedOn(projectId);
        record Counted(String form, Date validUntil) {
        }
        Counted counted = jdbc.sql("""
                SELECT min(form) AS form, min(valid_until) AS valid_until FROM deposit_guarantee
                 WHERE project_id = :p AND verified_on IS NOT NULL AND claimed_on IS NULL
                   AND valid_from <= :today AND valid_until >= :today
                """).param("p", projectId).param("today", Date.valueOf(LocalDate.now(clock)))
                .query(Rows.of(Counted.class)).single();
        String assignments = counted.form() == null
                ? "amount = :amount, established_on = COALESCE(established_on, :first), form = COALESCE(form, 'CASH')"
                : "amount = :amount, established_on = COALESCE(established_on, :first), form = :form, valid_until = :until";
        // Counts the item's version up: a compliance form open on the deposit item is stale now.
        Versioned.update(jdbc, "compliance_item", assignments)
                .param("amount", ledger.balance().add(ledger.guaranteed()))
                .param("first", first == null ? null : Date.valueOf(first)).param("form", counted.form())
                .param("until", counted.validUntil())
                .key("project_id").where("kind = 'WAGE_DEPOSIT'").by(actor()).rowAtAnyVersion(projectId);
        events.publishEvent(new DepositLedgerChanged(projectId));
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
