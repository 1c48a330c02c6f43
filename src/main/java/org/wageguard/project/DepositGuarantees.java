package org.wageguard.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;
import org.wageguard.shared.Versioned;
import org.wageguard.shared.WorkingDayCalendar;

/**
 * The register of guarantee letters (银行保函) and insurance (工程保证保险) that stand in for a cash wage deposit under
 * 《工程建设领域农民工工资保证金规定》 (人社部发〔2021〕65号, Art. 2: 工资保证金可以用银行类金融机构出具的银行保函替代，
 * 有条件的地区还可探索引入工程担保公司保函或工程保证保险): the issuer, the number, the amount (not below the deposit the
 * project must lodge) and the term (at least one year and not shorter than the contract period); the verification with
 * the issuer — who verified, when, how, whom the issuer named — before it counts as lodged; and the claim on it when the
 * deposit would be drawn (only on an order to pay whose deadline passed unheeded, within its term and amount; the
 * issuer pays within 5 working days, counted on the holiday calendar).
 */
@Service
@Transactional(readOnly = true)
public class DepositGuarantees {

    public record Guarantee(long id, long projectId, GuaranteeForm form, String issuer, String number, BigDecimal amount,
            LocalDate validFrom, LocalDate validUntil, LocalDate lodgedOn, LocalDate verifiedOn, String verifiedBy,
            String verificationMethod, String issuerContact, String verificationResult, LocalDate claimedOn,
            BigDecimal claimAmount, String claimReference, LocalDate claimDue, String claimedBy, String recordedBy,
            int version) {

        /** Verified with the issuer and within its term on the day: it stands for cash. */
        public boolean counts(LocalDate day) {
            return verifiedOn != null && !validFrom.isAfter(day) && !validUntil.isBefore(day) && claimedOn == null;
        }
    }

    public record NewGuarantee(GuaranteeForm form, String issuer, String number, BigDecimal amount, LocalDate validFrom,
            LocalDate validUntil, LocalDate lodgedOn) {
    }

    private static final String SELECT = """
            SELECT id, project_id, form, issuer, number, amount, valid_from, valid_until, lodged_on, verified_on,
                   verified_by, verification_method, issuer_contact, verification_result, claimed_on, claim_amount,
                   claim_reference, claim_due, claimed_by, recorded_by, version
              FROM deposit_guarantee
            """;

    private final JdbcClient jdbc;
    private final WageDeposits deposits;
    private final OperationLog operationLog;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DepositGuarantees(JdbcClient jdbc, WageDeposits deposits, OperationLog operationLog, WorkingDayCalendar calendar,
            Clock clock) {
        this.jdbc = jdbc;
        this.deposits = deposits;
        this.operationLog = operationLog;
        this.calendar = calendar;
        this.clock = clock;
    }

    public List<Guarantee> of(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = :p ORDER BY lodged_on, id").param("p", projectId)
                .query(Rows.of(Guarantee.class)).list();
    }

    private Guarantee find(long projectId, long id) {
        return jdbc.sql(SELECT + " WHERE project_id = :p AND id = :id").param("p", projectId).param("id", id)
                .query(Rows.of(Guarantee.class)).optional()
                .orElseThrow(() -> new WageDeposits.LedgerRuleException("保函或保单不存在。"));
    }

    /** Registers a letter or a policy; refused where its amount or term falls short of the rule. */
    @Transactional
    public long register(long projectId, NewGuarantee g) {
        if (g.form() == null || g.form() == GuaranteeForm.CASH || blank(g.issuer()) || blank(g.number())
                || g.amount() == null || g.validFrom() == null || g.validUntil() == null || g.lodgedOn() == null) {
            throw new WageDeposits.LedgerRuleException("请填写形式（银行保函或保险）、出具机构、编号、金额、有效期和提交日期。");
        }
        if (g.amount().signum() <= 0) {
            throw new WageDeposits.LedgerRuleException("金额应大于零。");
        }
        if (g.lodgedOn().isAfter(LocalDate.now(clock))) {
            throw new WageDeposits.LedgerRuleException("提交日期不能晚于今天。");
        }
        record Term(LocalDate startDate, LocalDate plannedCompletion) {
        }
        Term term = jdbc.sql("SELECT start_date, planned_completion FROM project WHERE id = :id").param("id", projectId)
                .query(Rows.of(Term.class)).single();
        if (g.validUntil().isBefore(g.validFrom().plusYears(1))
                || term.plannedCompletion() != null && g.validUntil().isBefore(term.plannedCompletion())) {
            throw new WageDeposits.LedgerRuleException("保函（保单）有效期应至少为1年，并不得短于合同期"
                    + (term.plannedCompletion() == null ? "" : "（计划竣工 " + term.plannedCompletion() + "）")
                    + "（人社部发〔2021〕65号）。");
        }
        deposits.requirementOn(projectId, g.lodgedOn()).filter(r -> !r.exempt() && g.amount().compareTo(r.amount()) < 0)
                .ifPresent(r -> {
                    throw new WageDeposits.LedgerRuleException("担保金额 " + DepositPolicy.yuan(g.amount())
                            + " 元低于按规定比例应存储的 " + DepositPolicy.yuan(r.amount()) + " 元（人社部发〔2021〕65号：保函担保金额不得低于应存储数额）。");
                });
        boolean taken = jdbc.sql("SELECT count(*) > 0 FROM deposit_guarantee WHERE issuer = :i AND number = :n")
                .param("i", g.issuer().strip()).param("n", g.number().strip()).query(Boolean.class).single();
        if (taken) {
            throw new WageDeposits.LedgerRuleException("该出具机构的此编号已登记，不能重复登记。");
        }
        long id = jdbc.sql("""
                INSERT INTO deposit_guarantee (project_id, form, issuer, number, amount, valid_from, valid_until, lodged_on,
                    recorded_by, updated_by)
                VALUES (:p, :f, :i, :n, :a, :from, :until, :lodged, :by, :by) RETURNING id
                """).param("p", projectId).param("f", g.form().name()).param("i", g.issuer().strip())
                .param("n", g.number().strip()).param("a", g.amount()).param("from", g.validFrom())
                .param("until", g.validUntil()).param("lodged", g.lodgedOn()).param("by", actor())
                .query(Long.class).single();
        operationLog.record("DEPOSIT_GUARANTEE", "project", projectId, "登记" + formName(g.form()) + " " + g.issuer().strip()
                + " " + g.number().strip() + "，金额 " + DepositPolicy.yuan(g.amount()) + " 元，有效期至 " + g.validUntil());
        return id;
    }

    /** The verification with the issuer (向出具机构核实): when, how, whom the issuer named, the result; by the officer. */
    @Transactional
    public void verify(long projectId, long id, int version, LocalDate on, String method, String issuerContact,
            String result) {
        Guarantee g = find(projectId, id);
        if (on == null || blank(method) || blank(issuerContact)) {
            throw new WageDeposits.LedgerRuleException("请填写核实日期、核实方式和出具机构的核实联系人。");
        }
        if (on.isAfter(LocalDate.now(clock)) || on.isBefore(g.lodgedOn())) {
            throw new WageDeposits.LedgerRuleException("核实日期应在提交日期（" + g.lodgedOn() + "）与今天之间。");
        }
        update(projectId, id, version, """
                verified_on = :on, verified_by = :by, verification_method = :m, issuer_contact = :c,
                verification_result = :r""", new Object[] { "on", on, "m", method.strip(), "c", issuerContact.strip(),
                "r", blank(result) ? "真实有效" : result.strip() });
        operationLog.record("DEPOSIT_GUARANTEE_VERIFY", "project", projectId, "向" + g.issuer() + "核实" + g.number() + "："
                + method.strip() + "，" + issuerContact.strip());
    }

    /**
     * The claim on the letter or policy when the deposit would be drawn: only on an order to pay whose deadline passed
     * unheeded, within the term and the amount; the issuer pays within 5 working days.
     */
    @Transactional
    public void claim(long projectId, long id, int version, LocalDate on, BigDecimal amount, String orderReference,
            LocalDate orderDeadline) {
        Guarantee g = find(projectId, id);
        WageDeposits.requireLapsedOrder(orderReference, orderDeadline, on, "向出具机构索赔");
        if (amount == null) {
            throw new WageDeposits.LedgerRuleException("请填写索赔金额。");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new WageDeposits.LedgerRuleException("索赔日期不能晚于今天。");
        }
        if (g.verifiedOn() == null) {
            throw new WageDeposits.LedgerRuleException("该保函（保单）尚未向出具机构核实，请先核实。");
        }
        if (g.claimedOn() != null) {
            throw new WageDeposits.LedgerRuleException("该保函（保单）已于 " + g.claimedOn() + " 索赔。");
        }
        if (on.isBefore(g.validFrom()) || on.isAfter(g.validUntil())) {
            throw new WageDeposits.LedgerRuleException("索赔日期不在保函（保单）有效期内（" + g.validFrom() + " 至 " + g.validUntil() + "）。");
        }
        if (amount.signum() <= 0 || amount.compareTo(g.amount()) > 0) {
            throw new WageDeposits.LedgerRuleException("索赔金额应大于零且不超过担保金额 " + DepositPolicy.yuan(g.amount()) + " 元。");
        }
        LocalDate due = calendar.plus(on, WageDeposits.PAY_OUT_WORKING_DAYS);
        update(projectId, id, version, """
                claimed_on = :on, claim_amount = :a, claim_reference = :ref, claim_due = :due, claimed_by = :by""",
                new Object[] { "on", on, "a", amount, "ref", orderReference.strip(), "due", due });
        operationLog.record("DEPOSIT_GUARANTEE_CLAIM", "project", projectId, "向" + g.issuer() + "索赔" + g.number() + " "
                + DepositPolicy.yuan(amount) + " 元，依据 " + orderReference.strip() + "，应于 " + due + " 前支付");
    }

    private void update(long projectId, long id, int version, String set, Object[] pairs) {
        var statement = Versioned.update(jdbc, "deposit_guarantee", set).param("by", actor());
        for (int i = 0; i < pairs.length; i += 2) {
            statement = statement.param((String) pairs[i], pairs[i + 1]);
        }
        if (!statement.where("project_id = :project").param("project", projectId).by(actor()).row(id, version)) {
            Versioned.requireVersion(jdbc, "deposit_guarantee", id, version);
            throw new WageDeposits.LedgerRuleException("保函或保单不存在。");
        }
        deposits.refreshComplianceAmount(projectId);
    }

    static String formName(GuaranteeForm form) {
        return form == GuaranteeForm.INSURANCE ? "工程保证保险" : "银行保函";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String actor() {
        return CurrentOfficer.find().map(o -> o.username()).orElse("system");
    }
}
