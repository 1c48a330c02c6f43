package org.wageguard.casework;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every allowed and forbidden step of a case, with the roles' permissions as the migration grants them. */
class CaseFileTests {

    static final CaseFile.Actor INSPECTOR = new CaseFile.Actor("jiancha", Set.of("casework:case:view",
            "casework:case:register", "casework:case:accept", "casework:case:file", "casework:case:handle",
            "casework:case:assign", "casework:case:order", "casework:case:refer", "casework:case:close"));
    static final CaseFile.Actor INDUSTRY = new CaseFile.Actor("zhujian", Set.of("casework:case:view",
            "casework:case:register", "casework:case:answer"));
    static final CaseFile.Actor OFFICE = new CaseFile.Actor("zhiqianban", Set.of("casework:case:view",
            "casework:case:register", "casework:case:assign", "casework:case:rework"));
    static final CaseFile.Actor INSPECTION_HEAD = new CaseFile.Actor("jianchazhang", Set.of("casework:case:view",
            "casework:approval:file", "casework:approval:close"));
    static final CaseFile.Actor BUREAU_HEAD = new CaseFile.Actor("juzhang", Set.of("casework:case:view",
            "casework:approval:extend"));
    static final LocalDate DAY = LocalDate.of(2021, 6, 1);

    static CaseFile at(CaseStatus status) {
        return new CaseFile(1, status, null, null, false, null, null, true, false);
    }

    static CaseFile ordered(LocalDate deadline) {
        return new CaseFile(1, CaseStatus.ORDERED, DAY, DAY.plusDays(80), false, deadline, null, true, false);
    }

    @Test
    void aRegisteredMatterIsAcceptedOrRefusedWithAReasonByLaborInspectionOnly() {
        assertThat(at(CaseStatus.REGISTERED).accept(INSPECTOR).to()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(at(CaseStatus.REGISTERED).refuse(INSPECTOR, "属劳动争议").to()).isEqualTo(CaseStatus.REFUSED);
        assertThatThrownBy(() -> at(CaseStatus.REGISTERED).refuse(INSPECTOR, " ")).hasMessageContaining("理由");
        assertThatThrownBy(() -> at(CaseStatus.REGISTERED).accept(INDUSTRY)).hasMessageContaining("无权");
        assertThatThrownBy(() -> at(CaseStatus.FILED).accept(INSPECTOR)).hasMessageContaining("已立案");
    }

    @Test
    void filingNeedsTwoInspectorsAndTheInspectionHeadsApprovalAndStartsTheSixtyDayClock() {
        CaseFile c = at(CaseStatus.ACCEPTED);
        assertThatThrownBy(() -> c.requestFiling(INSPECTOR, "黄国平")).hasMessageContaining("两名以上");
        assertThat(c.requestFiling(INSPECTOR, "黄国平、李志明").to()).as("asking files nothing").isEqualTo(CaseStatus.ACCEPTED);
        assertThatThrownBy(() -> c.file(INSPECTOR, DAY, "黄国平、李志明", d -> d.plusDays(84)))
                .as("the inspector does not approve the filing").hasMessageContaining("casework:approval:file");
        assertThatThrownBy(() -> c.file(INSPECTION_HEAD, DAY, "黄国平", d -> d.plusDays(84))).hasMessageContaining("两名以上");
        CaseFile.Step step = c.file(INSPECTION_HEAD, DAY, "黄国平、李志明", d -> d.plusDays(84));
        assertThat(step.to()).isEqualTo(CaseStatus.FILED);
        assertThat(c.handlingDue()).isEqualTo(DAY.plusDays(84));
        assertThat(c.requestExtension(INSPECTOR, "涉及人数众多，需调取银行流水").to()).isEqualTo(CaseStatus.FILED);
        assertThat(c.handlingDue()).as("asking for the extension moves no clock").isEqualTo(DAY.plusDays(84));
        assertThatThrownBy(() -> c.extend(INSPECTION_HEAD, d -> d.plusDays(42)))
                .as("the department head approves the extension, not the inspection body's").hasMessageContaining("casework:approval:extend");
        c.extend(BUREAU_HEAD, d -> d.plusDays(42));
        assertThat(c.handlingDue()).isEqualTo(DAY.plusDays(126));
        assertThatThrownBy(() -> c.extend(BUREAU_HEAD, d -> d)).hasMessageContaining("只能延长一次");
        assertThatThrownBy(() -> c.requestExtension(INSPECTOR, "再延")).hasMessageContaining("只能延长一次");
        assertThatThrownBy(() -> at(CaseStatus.REGISTERED).requestFiling(INSPECTOR, "甲、乙")).hasMessageContaining("不能执行");
    }

    @Test
    void aReferralToThePoliceWaitsUntilTheOrdersDeadlineHasPassed() {
        assertThatThrownBy(() -> at(CaseStatus.FILED).resolve(INSPECTOR, Outcome.REFERRED_TO_POLICE, "", DAY))
                .hasMessageContaining("尚未下达限期改正指令书");
        assertThatThrownBy(() -> ordered(DAY).resolve(INSPECTOR, Outcome.REFERRED_TO_POLICE, "", DAY))
                .hasMessageContaining("尚未届满");
        assertThat(ordered(DAY).resolve(INSPECTOR, Outcome.REFERRED_TO_POLICE, "移送公安", DAY.plusDays(1)).to())
                .isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void onlyLaborInspectionTakesTheStrongMeasures() {
        CaseFile.Actor handlerWithoutReferral = new CaseFile.Actor("x", Set.of("casework:case:handle"));
        for (Outcome strong : new Outcome[] {Outcome.REFERRED_TO_POLICE, Outcome.BLACKLIST_PROPOSED,
                Outcome.DEPOSIT_DRAWN, Outcome.COURT_ENFORCEMENT}) {
            assertThatThrownBy(() -> ordered(DAY).resolve(handlerWithoutReferral, strong, "", DAY.plusDays(5)))
                    .hasMessageContaining("casework:case:refer");
        }
        assertThatThrownBy(() -> ordered(DAY).resolve(INDUSTRY, Outcome.REFERRED_TO_POLICE, "", DAY.plusDays(5)))
                .hasMessageContaining("无权");
        assertThatThrownBy(() -> ordered(DAY).serveOrder(OFFICE, "令1号", DAY, DAY.plusDays(10))).hasMessageContaining("无权");
    }

    @Test
    void anOrderToPayNeedsANumberAndADeadlineAfterService() {
        assertThatThrownBy(() -> at(CaseStatus.FILED).serveOrder(INSPECTOR, "", DAY, DAY.plusDays(10))).hasMessageContaining("文号");
        assertThatThrownBy(() -> at(CaseStatus.FILED).serveOrder(INSPECTOR, "令1号", DAY, DAY)).hasMessageContaining("晚于送达");
        CaseFile c = at(CaseStatus.FILED);
        c.serveOrder(INSPECTOR, "令1号", DAY, DAY.plusDays(10));
        assertThat(c.status()).isEqualTo(CaseStatus.ORDERED);
        assertThat(c.lastOrderDeadline()).isEqualTo(DAY.plusDays(10));
        assertThatThrownBy(() -> at(CaseStatus.FILED).resolve(INSPECTOR, Outcome.PAID_WITHIN_DEADLINE, "", DAY))
                .hasMessageContaining("限期内支付");
    }

    @Test
    void aCaseClosesOnlyAfterEveryWorkersPaymentIsVerified() {
        CaseFile unpaid = new CaseFile(1, CaseStatus.RESOLVED, DAY, DAY, false, null, Outcome.MEDIATED, true, false);
        assertThatThrownBy(() -> unpaid.verifyPayment(INSPECTOR)).hasMessageContaining("逐人登记");
        CaseFile paid = new CaseFile(1, CaseStatus.RESOLVED, DAY, DAY, false, null, Outcome.MEDIATED, true, true);
        assertThat(paid.verifyPayment(INSPECTOR).to()).isEqualTo(CaseStatus.PAYMENT_VERIFIED);
        assertThatThrownBy(() -> paid.close(INSPECTOR)).as("a filed case closes on the head's approval").hasMessageContaining("结案审批");
        assertThat(paid.requestClosing(INSPECTOR).to()).isEqualTo(CaseStatus.PAYMENT_VERIFIED);
        assertThat(paid.close(INSPECTION_HEAD).to()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> paid.endTracking(INSPECTOR, "")).hasMessageContaining("回访");
        assertThat(paid.endTracking(INSPECTOR, "回访无新增欠薪").to()).isEqualTo(CaseStatus.TRACKING_ENDED);
        assertThatThrownBy(() -> at(CaseStatus.FILED).close(INSPECTOR)).hasMessageContaining("不能执行");
        assertThatThrownBy(() -> at(CaseStatus.CLOSED).withdraw(INSPECTOR, "撤诉")).hasMessageContaining("不能执行");
    }

    @Test
    void theTwoYearLimitCountsFromTheEndOfTheArrears() {
        assertThat(CaseIntake.beyondTwoYears(LocalDate.of(2019, 5, 31), LocalDate.of(2021, 6, 1))).isTrue();
        assertThat(CaseIntake.beyondTwoYears(LocalDate.of(2019, 6, 1), LocalDate.of(2021, 6, 1))).isFalse();
        assertThat(CaseIntake.beyondTwoYears(null, LocalDate.of(2021, 6, 1))).isFalse();
    }

    // The Spring Festival window of intake is rule 12's, counted from the lunar new year:
    // monitoring.EarlyWarningRuleTests#rule12TheWindowIsCountedFromTheLunarNewYearForAlertsAndIntakeAlike.
}
