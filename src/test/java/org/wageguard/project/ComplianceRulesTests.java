package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each compliance item's status derived from its facts, at its edges. */
class ComplianceRulesTests {

    static final LocalDate CONTRACT = LocalDate.of(2021, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2021, 6, 1);
    static final DepositPolicy.Requirement DEPOSIT = new DepositPolicy.Requirement(new BigDecimal("100000.00"),
            new BigDecimal("0.02"), false, List.of("应存储 100,000.00 元"));
    static final ComplianceRules.ProjectContext PROJECT = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", DEPOSIT);

    static ComplianceFacts facts(LocalDate established, LocalDate valid, String amount, GuaranteeForm form, String bank,
            String account) {
        return new ComplianceFacts(false, established, valid, amount == null ? null : new BigDecimal(amount), form, bank,
                account, false, null, null, null, null);
    }

    static ComplianceRules.Evaluation evaluate(ComplianceKind kind, ComplianceFacts f) {
        return ComplianceRules.evaluate(kind, f, PROJECT, TODAY);
    }

    @Test
    void aSpecialAccountOpenedOnTheThirtiethDayIsInPlaceAndOnTheThirtyFirstIsFlaggedLate() {
        var onTime = evaluate(ComplianceKind.SPECIAL_ACCOUNT, facts(CONTRACT.plusDays(30), null, null, null, "农行", "1832"));
        assertThat(onTime.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(onTime.flagged()).isFalse();
        var late = evaluate(ComplianceKind.SPECIAL_ACCOUNT, facts(CONTRACT.plusDays(31), null, null, null, "农行", "1832"));
        assertThat(late.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(late.flagged()).isTrue();
        assertThat(late.reason()).contains("晚于合同签订后30日");
    }

    @Test
    void noSpecialAccountIsMissingAndSaysHowLongOverdue() {
        var e = evaluate(ComplianceKind.SPECIAL_ACCOUNT, ComplianceFacts.none());
        assertThat(e.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(e.reason()).contains("已超过").contains("62 日");
    }

    @Test
    void aDepositShortOfTheRequirementIsMissingAndEnoughIsInPlace() {
        assertThat(evaluate(ComplianceKind.WAGE_DEPOSIT, facts(CONTRACT, null, "99999.99", GuaranteeForm.CASH, null, null))
                .status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(evaluate(ComplianceKind.WAGE_DEPOSIT, facts(CONTRACT, null, "100000.00", GuaranteeForm.CASH, null, null))
                .status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(evaluate(ComplianceKind.WAGE_DEPOSIT, ComplianceFacts.none()).reason()).contains("100,000.00");
    }

    @Test
    void aBankGuaranteeForTheDepositExpiresTheDayAfterItsValidity() {
        assertThat(evaluate(ComplianceKind.WAGE_DEPOSIT,
                facts(CONTRACT, TODAY, "100000", GuaranteeForm.BANK_GUARANTEE, null, null)).status())
                .isEqualTo(ComplianceStatus.PRESENT);
        assertThat(evaluate(ComplianceKind.WAGE_DEPOSIT,
                facts(CONTRACT, TODAY.minusDays(1), "100000", GuaranteeForm.BANK_GUARANTEE, null, null)).status())
                .isEqualTo(ComplianceStatus.EXPIRED);
    }

    @Test
    void anExemptProjectNeedsNoDeposit() {
        var exempt = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", new DepositPolicy.Requirement(
                BigDecimal.ZERO, BigDecimal.ZERO, true, List.of("合同价款低于 1,000,000.00 元，免于存储")));
        var e = ComplianceRules.evaluate(ComplianceKind.WAGE_DEPOSIT, ComplianceFacts.none(), exempt, TODAY);
        assertThat(e.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(e.reason()).contains("免于存储");
    }

    @Test
    void realNameNeedsBothAWageOfficerAndARoster() {
        var roster = new ComplianceFacts(false, null, null, null, null, null, null, true, null, null, null, null);
        assertThat(evaluate(ComplianceKind.REAL_NAME, roster).status()).isEqualTo(ComplianceStatus.PRESENT);
        var noOfficer = new ComplianceRules.ProjectContext(CONTRACT, " ", DEPOSIT);
        var e = ComplianceRules.evaluate(ComplianceKind.REAL_NAME, roster, noOfficer, TODAY);
        assertThat(e.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(e.reason()).contains("劳资专管员");
        assertThat(evaluate(ComplianceKind.REAL_NAME, ComplianceFacts.none()).reason()).contains("花名册");
    }

    @Test
    void aNoticeBoardMustCarryPayDayMinimumWageAndHotline() {
        var partial = new ComplianceFacts(false, CONTRACT, null, null, null, null, null, false, "每月15日", null, "12333", null);
        var e = evaluate(ComplianceKind.NOTICE_BOARD, partial);
        assertThat(e.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(e.reason()).isEqualTo("缺当地最低工资标准");
        var full = new ComplianceFacts(false, CONTRACT, null, null, null, null, null, false, "每月15日", "1580元/月", "12333", null);
        assertThat(evaluate(ComplianceKind.NOTICE_BOARD, full).status()).isEqualTo(ComplianceStatus.PRESENT);
    }

    @Test
    void bankPayrollNeedsAnAgreementWithABank() {
        assertThat(evaluate(ComplianceKind.BANK_PAYROLL, facts(CONTRACT, null, null, null, null, null)).status())
                .isEqualTo(ComplianceStatus.MISSING);
        assertThat(evaluate(ComplianceKind.BANK_PAYROLL, facts(CONTRACT, null, null, null, "农行沅江支行", null)).status())
                .isEqualTo(ComplianceStatus.PRESENT);
    }

    @Test
    void aPaymentGuaranteePastItsValidityHasExpired() {
        assertThat(evaluate(ComplianceKind.PAYMENT_GUARANTEE, ComplianceFacts.none()).status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(evaluate(ComplianceKind.PAYMENT_GUARANTEE,
                facts(CONTRACT, TODAY.minusDays(1), "5000000", GuaranteeForm.BANK_GUARANTEE, null, null)).status())
                .isEqualTo(ComplianceStatus.EXPIRED);
        assertThat(evaluate(ComplianceKind.PAYMENT_GUARANTEE,
                facts(CONTRACT, TODAY, "5000000", GuaranteeForm.BANK_GUARANTEE, null, null)).status())
                .isEqualTo(ComplianceStatus.PRESENT);
    }

    @Test
    void anItemDeclaredNotApplicableSaysSoWhateverItsFacts() {
        var na = new ComplianceFacts(true, null, null, null, null, null, null, false, null, null, null, "建设单位为财政全额拨款");
        var e = evaluate(ComplianceKind.PAYMENT_GUARANTEE, na);
        assertThat(e.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(e.reason()).contains("财政全额拨款");
    }
}
