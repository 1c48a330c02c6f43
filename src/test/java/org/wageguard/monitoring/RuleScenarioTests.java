package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.casework.WorkingDays;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.monitoring.rules.RulePolicy;
import org.wageguard.payroll.WageFacts;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.ComplianceFacts;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.LaborCostTransfers;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.Projects;
import org.wageguard.workforce.RealNameImports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each early-warning rule on a project of its own, at its thresholds, with its parameters changed, on a fixed clock:
 * the four files go through the real imports, the rules read them through the modules' APIs on PostgreSQL.
 */
@DemoApplicationTest
class RuleScenarioTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final YearMonth SEP = YearMonth.of(2026, 9);
    static final DataScope CITY = new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0);

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired List<RulePolicy> policies;
    @Autowired Alerts alerts;
    @Autowired RuleSettings settings;
    @Autowired WageFacts wages;
    @Autowired WorkingDays workingDays;
    @Autowired ProjectParties parties;
    @Autowired LaborCostTransfers transfers;
    @Autowired ComplianceItems compliance;
    @Autowired CaseIntake intake;
    @Autowired org.wageguard.shared.SpringFestivals festivals;

    Scenario scenario(String code) {
        return new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), code,
                LocalDate.of(2026, 8, 1));
    }

    RuleEvaluation on(LocalDate day) {
        return new RuleEvaluation(policies, alerts, settings, projects, wages, workingDays, jdbc,
                Clock.fixed(day.atStartOfDay(ZONE).toInstant(), ZONE), 3, festivals);
    }

    /** The unresolved alert of a rule about a project (or one of its workers) for a period. */
    Optional<Alerts.Alert> active(RuleCode rule, long projectId, String period) {
        return Scenario.active(alerts, rule, projectId, period);
    }

    List<Alerts.Alert> all(RuleCode rule, long projectId) {
        return alerts.all(CITY, new Alerts.Filter(null, rule, null, null, null, projectId, null));
    }

    void setParams(RuleCode rule, Map<String, String> values) {
        int version = settings.snapshot().version(rule, "430981");
        // Since ever: these tests change a threshold for the months they evaluate (EarlyWarningRuleTests dates them).
        settings.update(rule, "430981", true, values, RuleSettings.SINCE_EVER, version, "zhiqianban");
    }

    void resetParams(RuleCode rule) {
        jdbc.sql("DELETE FROM monitoring_rule_setting WHERE rule_code = :r").param("r", rule.name()).update();
    }

    /** Two workers attended ten days each in September. */
    Scenario attended(String code, int series) {
        String a = Scenario.idNumber(series, 1);
        String b = Scenario.idNumber(series, 2);
        return scenario(code).worker(a, "甲", Scenario.card(series, 1), true, "2026-08-01", null)
                .worker(b, "乙", Scenario.card(series, 2), true, "2026-08-01", null)
                .attend(a, SEP, 10, "8").attend(b, SEP, 10, "8")
                .pay(a, "甲", SEP, 10, "3000").pay(b, "乙", SEP, 10, "3000");
    }

    /** Ten workers attended five days of September; the bank paid nine of them (not sent yet). */
    Scenario tenAttendedNinePaid(String code, int series) {
        Scenario s = scenario(code);
        for (int n = 1; n <= 10; n++) {
            String id = Scenario.idNumber(series, n);
            s.worker(id, "工" + n, Scenario.card(series, n), true, "2026-08-01", null).attend(id, SEP, 5, "8")
                    .pay(id, "工" + n, SEP, 5, "1500");
            if (n <= 9) {
                s.paid(id, "工" + n, Scenario.card(series, n), SEP, "1500");
            }
        }
        return s;
    }

    @Test
    void rule1NothingPaidThroughTheAccountIsRedOnceTheNextMonthHasEnded() {
        Scenario s = attended("MT-R01", 1).send();
        on(LocalDate.of(2026, 10, 31)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(active(RuleCode.R01, s.projectId, "2026-09")).isEmpty();

        on(LocalDate.of(2026, 11, 2)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert a = active(RuleCode.R01, s.projectId, "2026-09").orElseThrow();
        assertThat(a.severity()).isEqualTo(Severity.RED);
        assertThat(a.reason()).contains("2026年9月有2名农民工出勤", "2026-10-31");
        assertThat(a.evidence()).hasSize(3);
        assertThat(a.departmentName()).isEqualTo("沅江市住房和城乡建设局");
        try {
            setParams(RuleCode.R01, Map.of("graceMonths", "2", "dueDays", "3"));
            on(LocalDate.of(2026, 11, 2)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R01, s.projectId, "2026-09")).isEmpty();
            assertThat(all(RuleCode.R01, s.projectId)).singleElement()
                    .satisfies(x -> assertThat(x.resolution()).contains("预警条件已消除"));
        } finally {
            resetParams(RuleCode.R01);
        }
    }

    @Test
    void rule2PaidHeadcountBelowTheRatioIsYellowAndMoreThanTenPercentUnpaidIsRedOnOneAlert() {
        Scenario s = tenAttendedNinePaid("MT-R02", 2);
        StringBuilder bank = new StringBuilder();
        for (int n = 1; n <= 10; n++) {
            String id = Scenario.idNumber(2, n);
            if (n <= 8) {
                bank.append(String.join(",", "MT-R02", "MT-R02-B" + n, Scenario.card(2, n), "工" + n, id, "1500",
                        "2026-10-10", "SUCCESS", "2026-09")).append('\n');
            }
        }
        s.send();
        LocalDate day = LocalDate.of(2026, 11, 10);
        on(day).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert yellow = active(RuleCode.R02, s.projectId, "2026-09").orElseThrow();
        assertThat(yellow.severity()).isEqualTo(Severity.YELLOW);
        assertThat(yellow.reason()).contains("出勤10人，足额代发9人（90.0%），1人未收到工资");

        s.resendBank(bank.toString());
        on(day).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert red = active(RuleCode.R02, s.projectId, "2026-09").orElseThrow();
        assertThat(red.id()).as("the same rule, subject and period update one alert").isEqualTo(yellow.id());
        assertThat(red.severity()).isEqualTo(Severity.RED);
        assertThat(red.raisedCount()).isGreaterThan(yellow.raisedCount());
        assertThat(all(RuleCode.R02, s.projectId)).hasSize(1);
        try {
            setParams(RuleCode.R02, Map.of("graceMonths", "1", "paidRatioPct", "80", "redUnpaidPct", "20", "dueDays", "5"));
            on(day).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R02, s.projectId, "2026-09")).as("80 %% paid meets a ratio of 80 %%").isEmpty();
        } finally {
            resetParams(RuleCode.R02);
        }
    }

    @Test
    void rule3PayPerDayBelowTheProratedMinimumWageIsRed() {
        String a = Scenario.idNumber(3, 1);
        String b = Scenario.idNumber(3, 2);
        // 1700 / 21.75 = 78.16 a day: 20 days at 1560 is 78.00 (below), at 1564 is 78.20 (not below).
        Scenario s = scenario("MT-R03").worker(a, "低", Scenario.card(3, 1), true, "2026-08-01", null)
                .worker(b, "够", Scenario.card(3, 2), true, "2026-08-01", null)
                .attend(a, SEP, 20, "8").attend(b, SEP, 20, "8")
                .pay(a, "低", SEP, 20, "1560").pay(b, "够", SEP, 20, "1564")
                .paid(a, "低", Scenario.card(3, 1), SEP, "1560").paid(b, "够", Scenario.card(3, 2), SEP, "1564").send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = active(RuleCode.R03, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.reason()).contains("1人", "78.16");
        assertThat(alert.evidence()).hasSize(2).anySatisfy(row -> assertThat(row).contains("低"));
        try {
            setParams(RuleCode.R03, Map.of("graceMonths", "1", "monthlyMinimumWage", "1500", "daysPerMonth", "21.75",
                    "dueDays", "3"));
            on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R03, s.projectId, "2026-09")).isEmpty();
        } finally {
            resetParams(RuleCode.R03);
        }
    }

    @Test
    void rule4OneWorkerPaidAboveTheMonthlyCeilingIsRedAndExactlyTheCeilingIsNot() {
        String a = Scenario.idNumber(4, 1);
        String b = Scenario.idNumber(4, 2);
        Scenario s = scenario("MT-R04").worker(a, "工头", Scenario.card(4, 1), true, "2026-08-01", null)
                .worker(b, "满额", Scenario.card(4, 2), true, "2026-08-01", null)
                .attend(a, SEP, 20, "8").attend(b, SEP, 20, "8")
                .pay(a, "工头", SEP, 20, "50000.01").pay(b, "满额", SEP, 20, "50000.00")
                .paid(a, "工头", Scenario.card(4, 1), SEP, "50000.01").paid(b, "满额", Scenario.card(4, 2), SEP, "50000.00")
                .send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        List<Alerts.Alert> found = all(RuleCode.R04, s.projectId);
        assertThat(found).singleElement().satisfies(x -> {
            assertThat(x.subjectKind()).isEqualTo(SubjectKind.WORKER);
            assertThat(x.subjectName()).startsWith("工头");
            assertThat(x.reason()).contains("50000.01", "超过单月上限50000元");
        });
        try {
            setParams(RuleCode.R04, Map.of("monthMax", "40000", "yearMax", "300000", "dueDays", "3"));
            on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(all(RuleCode.R04, s.projectId).stream().filter(x -> x.status().unresolved())).hasSize(2);
        } finally {
            resetParams(RuleCode.R04);
        }
    }

    @Test
    void rule5WagesToSomeoneElsesCardOrOneCardForSeveralWorkersAreRed() {
        String a = Scenario.idNumber(5, 1);
        String b = Scenario.idNumber(5, 2);
        String c = Scenario.idNumber(5, 3);
        Scenario s = scenario("MT-R05").worker(a, "甲", Scenario.card(5, 1), true, "2026-08-01", null)
                .worker(b, "乙", Scenario.card(5, 2), true, "2026-08-01", null)
                .worker(c, "丙", Scenario.card(5, 3), true, "2026-08-01", null)
                .attend(a, SEP, 5, "8").attend(b, SEP, 5, "8").attend(c, SEP, 5, "8")
                .pay(a, "甲", SEP, 5, "1500").pay(b, "乙", SEP, 5, "1500").pay(c, "丙", SEP, 5, "1500")
                .paid(a, "甲", Scenario.card(5, 9), SEP, "1500") // a's wages to a card that is not a's
                .paid(b, "乙", Scenario.card(5, 3), SEP, "1500") // b's wages to c's card: two payees on one card
                .paid(c, "丙", Scenario.card(5, 3), SEP, "1500").send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = active(RuleCode.R05, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.RED);
        assertThat(alert.reason()).contains("2人的工资代发至非本人登记的银行卡", "1张卡收取多人工资");
    }

    @Test
    void rule6APayrollLineWithoutAttendanceOrWithOtherDaysIsOrange() {
        String a = Scenario.idNumber(6, 1);
        String ghost = Scenario.idNumber(6, 2);
        String c = Scenario.idNumber(6, 3);
        Scenario s = scenario("MT-R06").worker(a, "实", Scenario.card(6, 1), true, "2026-08-01", null)
                .worker(ghost, "虚", Scenario.card(6, 2), true, "2026-08-01", null)
                .worker(c, "差", Scenario.card(6, 3), true, "2026-08-01", null)
                .attend(a, SEP, 10, "8").attend(c, SEP, 8, "8")
                .pay(a, "实", SEP, 10, "3000").pay(ghost, "虚", SEP, 22, "6600").pay(c, "差", SEP, 10, "3000")
                .paid(a, "实", Scenario.card(6, 1), SEP, "3000").paid(ghost, "虚", Scenario.card(6, 2), SEP, "6600")
                .paid(c, "差", Scenario.card(6, 3), SEP, "3000").send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = active(RuleCode.R06, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.ORANGE);
        assertThat(alert.reason()).contains("1人无考勤记录", "1人工资表天数与考勤天数不一致");
    }

    @Test
    void rule7LaborCostShortOfTheScheduleIsOrangeAfterTheGraceDaysAndClearsWhenTheRestArrives() {
        Scenario s = scenario("MT-R07").worker(Scenario.idNumber(7, 1), "甲", Scenario.card(7, 1), true, "2026-08-01", null)
                .send();
        parties.schedule(s.projectId, SEP, new BigDecimal("100000"));
        transfers.record(s.projectId, SEP, LocalDate.of(2026, 9, 8), new BigDecimal("60000"), "T1");
        on(LocalDate.of(2026, 10, 10)).evaluateAll();
        assertThat(active(RuleCode.R07, s.projectId, "2026-09")).as("within the 10 grace days").isEmpty();
        on(LocalDate.of(2026, 10, 11)).evaluateAll();
        Alerts.Alert alert = active(RuleCode.R07, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.ORANGE);
        assertThat(alert.reason()).contains("计划拨付人工费用100000.00元，按期到账60000.00元");

        transfers.record(s.projectId, SEP, LocalDate.of(2026, 10, 5), new BigDecimal("40000"), "T2");
        on(LocalDate.of(2026, 10, 12)).evaluateAll();
        assertThat(active(RuleCode.R07, s.projectId, "2026-09")).isEmpty();
    }

    @Test
    void rule8MissingItemsAreYellowAndTheSpecialAccountCountsOnlyThirtyDaysAfterTheContract() {
        Scenario s = new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), "MT-R08",
                LocalDate.of(2026, 10, 1));
        on(LocalDate.of(2026, 10, 20)).evaluateAll();
        Alerts.Alert early = active(RuleCode.R08, s.projectId, "STANDING").orElseThrow();
        assertThat(early.reason()).contains("工程款支付担保", "维权信息告示牌").doesNotContain("工资专用账户");
        on(LocalDate.of(2026, 11, 2)).evaluateAll();
        Alerts.Alert late = active(RuleCode.R08, s.projectId, "STANDING").orElseThrow();
        assertThat(late.id()).isEqualTo(early.id());
        assertThat(late.reason()).contains("工资专用账户");
        assertThat(late.severity()).isEqualTo(Severity.YELLOW);
    }

    @Test
    void rule9CoverageBelowTheStandardOrNoContractIsYellowAndAWiderStandardClearsIt() {
        String a = Scenario.idNumber(9, 1);
        String b = Scenario.idNumber(9, 2);
        String c = Scenario.idNumber(9, 3);
        String d = Scenario.idNumber(9, 4);
        Scenario s = scenario("MT-R09").worker(a, "甲", Scenario.card(9, 1), true, "2026-08-01", null)
                .worker(b, "乙", Scenario.card(9, 2), true, "2026-08-01", null)
                .worker(c, "丙", Scenario.card(9, 3), false, "2026-08-01", null)
                .worker(d, "丁", Scenario.card(9, 4), true, "2026-08-01", null);
        for (LocalDate day = SEP.atDay(1); !day.isAfter(SEP.atEndOfMonth()); day = day.plusDays(1)) {
            s.attendOn(a, day).attendOn(b, day).attendOn(c, day);
        }
        s.send();
        on(LocalDate.of(2026, 10, 5)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = active(RuleCode.R09, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.reason()).contains("考勤覆盖率75.0%（3/4人）", "1名出勤人员未签订劳动合同");
        try {
            setParams(RuleCode.R09, Map.of("coveragePct", "70", "updateRatePct", "85", "dueDays", "10"));
            on(LocalDate.of(2026, 10, 5)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R09, s.projectId, "2026-09").orElseThrow().reason())
                    .doesNotContain("覆盖率").contains("未签订劳动合同");
        } finally {
            resetParams(RuleCode.R09);
        }
    }

    @Test
    void rule10AWorkerWhoLeftWithoutFinalSettlementIsRedAfterTheSettlementDays() {
        String a = Scenario.idNumber(10, 1);
        String b = Scenario.idNumber(10, 2);
        Scenario s = scenario("MT-R10").worker(a, "走未结", Scenario.card(10, 1), true, "2026-08-01", "2026-09-15")
                .worker(b, "走已结", Scenario.card(10, 2), true, "2026-08-01", "2026-09-15")
                .attend(a, SEP, 15, "8").attend(b, SEP, 15, "8")
                .pay(a, "走未结", SEP, 15, "4500").pay(b, "走已结", SEP, 15, "4500")
                .paid(a, "走未结", Scenario.card(10, 1), SEP, "2000").paid(b, "走已结", Scenario.card(10, 2), SEP, "4500")
                .send();
        on(LocalDate.of(2026, 9, 18)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(all(RuleCode.R10, s.projectId).stream().filter(x -> x.status().unresolved())).isEmpty();
        on(LocalDate.of(2026, 10, 10)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(all(RuleCode.R10, s.projectId).stream().filter(x -> x.status().unresolved())).singleElement()
                .satisfies(x -> {
                    assertThat(x.subjectKind()).isEqualTo(SubjectKind.WORKER);
                    assertThat(x.reason()).contains("走未结于2026-09-15退场", "应发4500.00元", "仅收到2000.00元");
                });
    }

    @Test
    void rule11ThreeComplaintsInThirtyDaysOrOneGroupComplaintAreRed() {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '湖南洞庭水利水电工程有限公司'").query(Long.class).single();
        LocalDate day = LocalDate.of(2026, 11, 10);
        for (int i = 0; i < 2; i++) {
            intake.register(new Intake(Channel.HOTLINE, CaseKind.REPORT, null, null, true, employer,
                    "湖南洞庭水利水电工程有限公司", null, "430981", "48", null, null, "预警测试投诉" + i, List.of(), null,
                    day.minusDays(5 + i), null, 2, null));
        }
        on(day).evaluateAll();
        Optional<Alerts.Alert> two = alerts.all(CITY, new Alerts.Filter(null, RuleCode.R11, null, null, null, null, employer))
                .stream().filter(a -> a.status().unresolved()).findFirst();
        assertThat(two).as("two complaints are below the threshold of three").isEmpty();
        intake.register(new Intake(Channel.WALK_IN, CaseKind.REPORT, null, null, true, employer,
                "湖南洞庭水利水电工程有限公司", null, "430981", "48", null, null, "预警测试投诉2", List.of(), null,
                day.minusDays(1), null, 3, null));
        on(day).evaluateAll();
        Alerts.Alert three = alerts.all(CITY, new Alerts.Filter(null, RuleCode.R11, null, null, null, null, employer))
                .stream().filter(a -> a.status().unresolved()).findFirst().orElseThrow();
        assertThat(three.severity()).isEqualTo(Severity.RED);
        assertThat(three.reason()).contains("近30天内被投诉3件");
        assertThat(three.period()).isEqualTo("STANDING");
        on(LocalDate.of(2026, 12, 15)).evaluateAll();
        assertThat(alerts.all(CITY, new Alerts.Filter(null, RuleCode.R11, null, null, null, null, employer)).stream()
                .filter(a -> a.id() == three.id()).findFirst().orElseThrow().status())
                .as("out of the 30-day window the concentration has passed").isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void rule13MoreThanTwelveHoursADayOrTwoSitesOnOneDayIsYellow() {
        String a = Scenario.idNumber(13, 1);
        Scenario s = scenario("MT-R13").worker(a, "长工时", Scenario.card(13, 1), true, "2026-08-01", null)
                .attend(a, SEP, 3, "12.5").pay(a, "长工时", SEP, 3, "900").paid(a, "长工时", Scenario.card(13, 1), SEP, "900")
                .send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(active(RuleCode.R13, s.projectId, "2026-09").orElseThrow().reason()).contains("1条考勤记录不可信");
        try {
            setParams(RuleCode.R13, Map.of("maxHours", "13", "dueDays", "10"));
            on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R13, s.projectId, "2026-09")).isEmpty();
        } finally {
            resetParams(RuleCode.R13);
        }
    }

    @Test
    void rule14AHaltedFactoryStillEmployingWorkersIsOrange() {
        on(LocalDate.of(2026, 11, 10)).evaluateAll();
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市信峰船舶制造有限公司'").query(Long.class).single();
        Alerts.Alert alert = alerts.all(CITY, new Alerts.Filter(null, RuleCode.R14, null, null, null, null, employer))
                .stream().findFirst().orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.ORANGE);
        assertThat(alert.reason()).contains("沅江市信峰船舶制造有限公司已停产", "160人");
    }

    @Test
    void rule12TheSpringFestivalWindowRaisesArrearsAlertsOneLevel() {
        // The 2027 festival is on 6 February: by default the window runs from 60 days before (8 December 2026) to 14
        // days after (元宵节, 20 February 2027).
        Scenario s = tenAttendedNinePaid("MT-R12", 12).send();
        on(LocalDate.of(2026, 12, 7)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(active(RuleCode.R02, s.projectId, "2026-09").orElseThrow().severity()).isEqualTo(Severity.YELLOW);
        on(LocalDate.of(2026, 12, 8)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert festive = active(RuleCode.R02, s.projectId, "2026-09").orElseThrow();
        assertThat(festive.severity()).isEqualTo(Severity.ORANGE);
        assertThat(festive.festival()).isTrue();
        assertThat(festive.reason()).contains("春节前后重点时段");
        try {
            setParams(RuleCode.R12, Map.of("daysBefore", "30", "daysAfter", "14", "rules", "R01,R02"));
            on(LocalDate.of(2026, 12, 8)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R02, s.projectId, "2026-09").orElseThrow().severity()).isEqualTo(Severity.YELLOW);
            on(LocalDate.of(2027, 2, 20)).evaluateProjectMonth(s.projectId, SEP);
            assertThat(active(RuleCode.R02, s.projectId, "2026-09").orElseThrow().severity())
                    .as("the window wraps the new year").isEqualTo(Severity.ORANGE);
        } finally {
            resetParams(RuleCode.R12);
        }
    }

    @Test
    void badParametersAreRefusedInChineseAndNothingIsSaved() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> setParams(RuleCode.R02,
                Map.of("graceMonths", "1", "paidRatioPct", "120", "redUnpaidPct", "10", "dueDays", "5")))
                .isInstanceOf(MonitoringRuleException.class).hasMessageContaining("paidRatioPct").hasMessageContaining("120");
        assertThat(settings.snapshot().version(RuleCode.R02, "430981")).isEqualTo(-1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> setParams(RuleCode.R12,
                Map.of("daysBefore", "200", "daysAfter", "14", "rules", "R01")))
                .isInstanceOf(MonitoringRuleException.class).hasMessageContaining("daysBefore").hasMessageContaining("180");
    }

    @Test
    void complianceFactsStayTheProjectModulesOwn() {
        // Rule 8 reads the project module's derived status: recording the board clears it from the alert.
        Scenario s = new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), "MT-R08B",
                LocalDate.of(2026, 10, 1));
        on(LocalDate.of(2026, 10, 20)).evaluateAll();
        assertThat(active(RuleCode.R08, s.projectId, "STANDING").orElseThrow().reason()).contains("维权信息告示牌");
        ComplianceItems.Item board = compliance.item(s.projectId, ComplianceKind.NOTICE_BOARD).orElseThrow();
        compliance.record(s.projectId, ComplianceKind.NOTICE_BOARD, board.version(), new ComplianceFacts(false,
                LocalDate.of(2026, 10, 10), null, null, null, null, null, false, "每月15日", "1700元", "12333", null,
                "沅江市劳动人事争议仲裁院", "沅江市法律援助中心"));
        on(LocalDate.of(2026, 10, 21)).evaluateAll();
        assertThat(active(RuleCode.R08, s.projectId, "STANDING").orElseThrow().reason()).doesNotContain("维权信息告示牌");
    }

    @Test
    void rule4AWorkerPaidAboveTheYearsCeilingAcrossMonthsIsRedForTheYear() {
        String a = Scenario.idNumber(15, 1);
        YearMonth aug = YearMonth.of(2026, 8);
        Scenario s = scenario("MT-R04Y").worker(a, "年高", Scenario.card(15, 1), true, "2026-07-01", null)
                .attend(a, aug, 20, "8").attend(a, SEP, 20, "8")
                .pay(a, "年高", aug, 20, "45000").pay(a, "年高", SEP, 20, "45000")
                .paid(a, "年高", Scenario.card(15, 1), aug, "45000").paid(a, "年高", Scenario.card(15, 1), SEP, "45000").send();
        long worker = jdbc.sql("SELECT worker_id FROM payroll_line WHERE project_id = :p LIMIT 1").param("p", s.projectId)
                .query(Long.class).single();
        try {
            setParams(RuleCode.R04, Map.of("monthMax", "50000", "yearMax", "80000", "dueDays", "3"));
            on(LocalDate.of(2026, 11, 10)).evaluateAll();
            assertThat(alerts.all(CITY, new Alerts.Filter(null, RuleCode.R04, null, null, null, null, null)).stream()
                    .filter(x -> x.subjectId() == worker && x.period().equals("2026") && x.status().unresolved()))
                    .singleElement().satisfies(x -> assertThat(x.reason()).contains("2026年共收款90000.00元", "超过全年上限80000元"));
            assertThat(all(RuleCode.R04, s.projectId)).as("no month above 50,000").isEmpty();
        } finally {
            resetParams(RuleCode.R04);
        }
    }

    @Test
    void rule11OneGroupComplaintOfTenWorkersIsRedOnItsOwn() {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市教育局'").query(Long.class).single();
        LocalDate day = LocalDate.of(2026, 11, 10);
        intake.register(new Intake(Channel.WALK_IN, CaseKind.REPORT, null, null, true, employer, "沅江市教育局", null,
                "430981", "83", null, null, "群体投诉：校舍维修班组十人未领工资", List.of(), null, day.minusDays(2), null, 10, null));
        on(day).evaluateAll();
        assertThat(alerts.all(CITY, new Alerts.Filter(null, RuleCode.R11, null, null, null, null, employer)).stream()
                .filter(x -> x.status().unresolved())).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("被投诉1件", "最大一起涉及10人"));
    }

    @Test
    void rule13OneWorkerOnTwoSitesOnTheSameDayIsYellowOnBoth() {
        String a = Scenario.idNumber(16, 1);
        Scenario first = scenario("MT-R13A").worker(a, "两头跑", Scenario.card(16, 1), true, "2026-08-01", null)
                .attendOn(a, SEP.atDay(3)).send();
        Scenario second = scenario("MT-R13B").worker(a, "两头跑", Scenario.card(16, 1), true, "2026-08-01", null)
                .attendOn(a, SEP.atDay(3)).send();
        on(LocalDate.of(2026, 11, 10)).evaluateAll();
        for (Scenario s : List.of(first, second)) {
            assertThat(active(RuleCode.R13, s.projectId, "2026-09").orElseThrow().evidence().toString())
                    .contains("2026-09-03同时在2个项目出勤");
        }
    }
}
