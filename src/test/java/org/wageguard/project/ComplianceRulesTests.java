package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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

    static RealNameStanding.Figures roster(int rostered, int attended, int updated, int days) {
        var c = BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(rostered), 1, java.math.RoundingMode.HALF_UP);
        var u = BigDecimal.valueOf(updated * 100L).divide(BigDecimal.valueOf(days), 1, java.math.RoundingMode.HALF_UP);
        return new RealNameStanding.Figures(YearMonth.of(2021, 5), rostered, attended, c, updated, days, u,
                attended == rostered && u.compareTo(BigDecimal.valueOf(85)) >= 0, "考勤覆盖率100%、考勤更新率85%的标准");
    }

    static ComplianceRules.ProjectContext withRoster(String officer, RealNameStanding.Figures figures) {
        return new ComplianceRules.ProjectContext(CONTRACT, officer, DEPOSIT, figures, List.of(), List.of());
    }

    @Test
    void decree724Article28_realNameManagementIsDerivedFromTheRosterKeptInTheSystemNotFromATickedBox() {
        var ticked = new ComplianceFacts(false, null, null, null, null, null, null, true, null, null, null, null);
        var none = evaluate(ComplianceKind.REAL_NAME, ticked);
        assertThat(none.status()).as("a ticked box without a roster in the system").isEqualTo(ComplianceStatus.MISSING);
        assertThat(none.reason()).contains("系统中没有该项目的实名制花名册").contains("第二十八条");

        var kept = ComplianceRules.evaluate(ComplianceKind.REAL_NAME, ComplianceFacts.none(),
                withRoster("陈小兵", roster(12, 12, 28, 31)), TODAY);
        assertThat(kept.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(kept.reason()).contains("2021年5月在册 12 人、有考勤 12 人（覆盖率 100.0%）")
                .contains("考勤更新 28/31 天（更新率 90.3%）").contains("第二十八条");

        var stale = ComplianceRules.evaluate(ComplianceKind.REAL_NAME, ComplianceFacts.none(),
                withRoster("陈小兵", roster(12, 9, 20, 31)), TODAY);
        assertThat(stale.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(stale.reason()).contains("覆盖率 75.0%").contains("更新率 64.5%").contains("未达到");

        var noOfficer = ComplianceRules.evaluate(ComplianceKind.REAL_NAME, ComplianceFacts.none(),
                withRoster(" ", roster(12, 12, 28, 31)), TODAY);
        assertThat(noOfficer.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(noOfficer.reason()).contains("未配备劳资专管员").contains("覆盖率 100.0%");
    }

    @Test
    void decree724Article34_aNoticeBoardMustShowTheArbitrationAndLegalAidChannelsBesidesPayDayMinimumWageAndHotline() {
        var partial = new ComplianceFacts(false, CONTRACT, null, null, null, null, null, false, "每月15日", null, "12333", null,
                "沅江市劳动人事争议仲裁院", "12348");
        var e = evaluate(ComplianceKind.NOTICE_BOARD, partial);
        assertThat(e.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(e.reason()).isEqualTo("缺当地最低工资标准（《保障农民工工资支付条例》第三十四条）");
        var withoutChannels = new ComplianceFacts(false, CONTRACT, null, null, null, null, null, false, "每月15日",
                "1580元/月", "12333", null);
        var missing = evaluate(ComplianceKind.NOTICE_BOARD, withoutChannels);
        assertThat(missing.status()).as("pay day, minimum wage and hotline alone").isEqualTo(ComplianceStatus.MISSING);
        assertThat(missing.reason()).contains("缺劳动争议调解仲裁申请渠道").contains("缺法律援助申请渠道").contains("第三十四条");
        var full = new ComplianceFacts(false, CONTRACT, null, null, null, null, null, false, "每月15日", "1580元/月", "12333",
                null, "沅江市劳动人事争议仲裁院", "沅江市法律援助中心 12348");
        var present = evaluate(ComplianceKind.NOTICE_BOARD, full);
        assertThat(present.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(present.reason()).contains("调解仲裁 沅江市劳动人事争议仲裁院").contains("法律援助 沅江市法律援助中心 12348");
    }

    static BankPayrollStanding.Month month(int month, BankPayrollStanding.Paid... paid) {
        return new BankPayrollStanding.Month(YearMonth.of(2021, month), List.of(paid));
    }

    @Test
    void decree724Article31_bankPayrollNeedsWagesArrivingMonthByMonthNotJustAnAgreement() {
        assertThat(evaluate(ComplianceKind.BANK_PAYROLL, facts(CONTRACT, null, null, null, null, null)).status())
                .isEqualTo(ComplianceStatus.MISSING);
        var agreement = facts(CONTRACT, null, null, null, "农行沅江支行", null);
        var paid = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", DEPOSIT, null,
                List.of(month(4, new BankPayrollStanding.Paid(null, 10, 10)), month(5, new BankPayrollStanding.Paid(null, 12, 12))),
                List.of());
        var ok = ComplianceRules.evaluate(ComplianceKind.BANK_PAYROLL, agreement, paid, TODAY);
        assertThat(ok.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(ok.reason()).contains("2021-04 有考勤 10 人、代发到账 10 人").contains("2021-05 有考勤 12 人、代发到账 12 人")
                .contains("第三十一条");
        var unpaid = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", DEPOSIT, null,
                List.of(month(4, new BankPayrollStanding.Paid(null, 10, 10)), month(5, new BankPayrollStanding.Paid(null, 12, 7))),
                List.of());
        var e = ComplianceRules.evaluate(ComplianceKind.BANK_PAYROLL, agreement, unpaid, TODAY);
        assertThat(e.status()).as("an agreement, but May's wages reached 7 of 12").isEqualTo(ComplianceStatus.MISSING);
        assertThat(e.flagged()).isTrue();
        assertThat(e.reason()).contains("2021-05 有考勤 12 人、代发到账 7 人").contains("未按月全部代发");
    }

    @Test
    void decree724Article31_theGeneralContractorsPaymentsCountForASubcontractorOnlyWithItsAuthorisation() {
        var agreement = facts(CONTRACT, null, null, null, "农行沅江支行", null);
        var months = List.of(month(5, new BankPayrollStanding.Paid(null, 4, 4), new BankPayrollStanding.Paid("SUB", 6, 6)));
        var without = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", DEPOSIT, null, months, List.of(
                new ProjectParties.Subcontractor(1, "顺达劳务", "SUB", "劳务分包", null, null)));
        var e = ComplianceRules.evaluate(ComplianceKind.BANK_PAYROLL, agreement, without, TODAY);
        assertThat(e.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(e.reason()).contains("有考勤 10 人、代发到账 4 人").contains("分包单位顺达劳务未委托总承包单位代发");
        var late = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", DEPOSIT, null, months, List.of(
                new ProjectParties.Subcontractor(1, "顺达劳务", "SUB", "劳务分包", LocalDate.of(2021, 6, 1), "委托书")));
        assertThat(ComplianceRules.evaluate(ComplianceKind.BANK_PAYROLL, agreement, late, TODAY).status())
                .as("authorised only after the month").isEqualTo(ComplianceStatus.MISSING);
        var authorised = new ComplianceRules.ProjectContext(CONTRACT, "陈小兵", DEPOSIT, null, months, List.of(
                new ProjectParties.Subcontractor(1, "顺达劳务", "SUB", "劳务分包", LocalDate.of(2021, 5, 31), "委托书")));
        var ok = ComplianceRules.evaluate(ComplianceKind.BANK_PAYROLL, agreement, authorised, TODAY);
        assertThat(ok.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(ok.reason()).contains("有考勤 10 人、代发到账 10 人");
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
