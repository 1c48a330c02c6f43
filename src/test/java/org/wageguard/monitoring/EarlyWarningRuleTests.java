package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.casework.WorkingDays;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Logins;
import org.wageguard.monitoring.rules.RulePolicy;
import org.wageguard.payroll.WageFacts;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.Projects;
import org.wageguard.shared.SpringFestivalWindow;
import org.wageguard.shared.SpringFestivals;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.Rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The early-warning rules as issue 16 reads them against the law, each on a project of its own through the real
 * imports, on a fixed clock: a worker paid less than the pay sheet's net is not paid in full (rule 2); the minimum
 * wage is measured against the wage due (rule 3); the update rate counts working days (rule 9); a parameter applies
 * from its effective date; the Spring Festival window is counted from the lunar new year (rule 12, intake alike); and
 * the risk grades by town.
 */
@DemoApplicationTest
class EarlyWarningRuleTests {

    static final YearMonth SEP = YearMonth.of(2026, 9);
    static final YearMonth OCT = YearMonth.of(2026, 10);
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
    @Autowired SpringFestivals festivals;
    @Autowired SpringFestivalWindow festivalWindow;
    @Autowired Rosters rosters;
    @Autowired RiskGrades grades;
    @Autowired CaseIntake intake;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    Scenario scenario(String code) {
        return new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), code,
                LocalDate.of(2026, 8, 1));
    }

    RuleEvaluation on(LocalDate day) {
        return new RuleEvaluation(policies, alerts, settings, projects, wages, workingDays, jdbc,
                Clock.fixed(day.atStartOfDay(RuleScenarioTests.ZONE).toInstant(), RuleScenarioTests.ZONE), 3, festivals);
    }

    Optional<Alerts.Alert> active(RuleCode rule, long projectId, String period) {
        return Scenario.active(alerts, rule, projectId, period);
    }

    void resetParams(RuleCode rule) {
        jdbc.sql("DELETE FROM monitoring_rule_setting WHERE rule_code = :r").param("r", rule.name()).update();
    }

    @Test
    void rule2AWorkerPaidLessThanThePaySheetsNetIsNotPaidInFull() {
        // The reconciliation's red 少发工资 (UNDERPAID): every worker received something, one less than the pay sheet.
        Scenario s = scenario("MT-EW02");
        for (int n = 1; n <= 10; n++) {
            String id = Scenario.idNumber(31, n);
            s.worker(id, "工" + n, Scenario.card(31, n), true, "2026-08-01", null).attend(id, SEP, 5, "8")
                    .pay(id, "工" + n, SEP, 5, "1500").paid(id, "工" + n, Scenario.card(31, n), SEP, n == 10 ? "1000" : "1500");
        }
        s.send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = active(RuleCode.R02, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.YELLOW);
        assertThat(alert.reason()).contains("出勤10人，足额代发9人（90.0%）", "1人少发共500.00元", "工资表实发1500.00元，仅到账1000.00元");
        assertThat(alert.evidence()).hasSize(2).anySatisfy(row -> assertThat(row).contains("工10", "1500.00", "1000.00"));
    }

    @Test
    void rule2AnAttendedWorkerUnpaidWhileTheMonthsMoneyWentElsewhereIsRed() {
        // The reconciliation's red 未发工资 (UNPAID): 甲 attended and is on the pay sheet, nothing reached him; the only
        // payment of the month went to 乙, on the pay sheet without attendance. Not rule 1 (something was paid), and
        // rule 2 used to skip a month in which every attending worker went unpaid.
        String a = Scenario.idNumber(36, 1);
        String b = Scenario.idNumber(36, 2);
        Scenario s = scenario("MT-EW02U").worker(a, "甲", Scenario.card(36, 1), true, "2026-08-01", null)
                .worker(b, "乙", Scenario.card(36, 2), true, "2026-08-01", null)
                .attend(a, SEP, 10, "8").pay(a, "甲", SEP, 10, "3000").pay(b, "乙", SEP, 10, "3000")
                .paid(b, "乙", Scenario.card(36, 2), SEP, "3000").send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(active(RuleCode.R01, s.projectId, "2026-09")).isEmpty();
        Alerts.Alert alert = active(RuleCode.R02, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.RED);
        assertThat(alert.reason()).contains("出勤1人，足额代发0人（0.0%），1人未收到工资");
    }

    @Test
    void rule3ComparesTheWageDueBeforeDeductionsNotWhatWasPaid() {
        String a = Scenario.idNumber(32, 1);
        String b = Scenario.idNumber(32, 2);
        // 1700 / 21.75 = 78.16 a day. 甲 is due 2000 for 20 days (100.00 a day) and was paid 1500 after deductions of
        // 500: not below the minimum wage. 乙 is due 1500 (75.00 a day): below.
        Scenario s = scenario("MT-EW03").worker(a, "甲", Scenario.card(32, 1), true, "2026-08-01", null)
                .worker(b, "乙", Scenario.card(32, 2), true, "2026-08-01", null)
                .attend(a, SEP, 20, "8").attend(b, SEP, 20, "8")
                .payDue(a, "甲", SEP, 20, "2000", "1500").payDue(b, "乙", SEP, 20, "1500", "1500")
                .paid(a, "甲", Scenario.card(32, 1), SEP, "1500").paid(b, "乙", Scenario.card(32, 2), SEP, "1500").send();
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = active(RuleCode.R03, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.reason()).contains("有1人应发工资按出勤天数折算的日工资低于78.16元");
        assertThat(alert.evidence()).hasSize(2);
        assertThat(alert.evidence().get(1)).containsExactly("乙", "2026-09", "20", "1500.00", "75.00", "1500.00");
    }

    @Test
    void rule9CountsWorkingDaysOnTheHolidayCalendarNotCalendarDays() {
        // October 2026: the National Day holidays and the weekends are no working days. A site attended on every
        // working day and resting on the others is fully up to date.
        String a = Scenario.idNumber(33, 1);
        Scenario s = scenario("MT-EW09").worker(a, "甲", Scenario.card(33, 1), true, "2026-08-01", null);
        int working = 0;
        for (LocalDate d = OCT.atDay(1); !d.isAfter(OCT.atEndOfMonth()); d = d.plusDays(1)) {
            if (workingDays.isWorkingDay(d)) {
                s.attendOn(a, d);
                working++;
            }
        }
        s.pay(a, "甲", OCT, working, "6000").paid(a, "甲", Scenario.card(33, 1), OCT, "6000").send();
        assertThat(working).as("fewer working days than calendar days").isLessThan(22);
        Rosters.Coverage c = rosters.coverage(s.projectId, OCT);
        assertThat(c.days()).isEqualTo(working);
        assertThat(c.updateRate()).isEqualByComparingTo("100.0");
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(s.projectId, OCT);
        assertThat(active(RuleCode.R09, s.projectId, "2026-10")).as("no alert for resting on holidays").isEmpty();
    }

    @Test
    void aParameterAppliesFromItsEffectiveDateAndEarlierMonthsKeepTheOldValue() throws Exception {
        String a = Scenario.idNumber(34, 1);
        // 1650 due for 20 days is 82.50 a day: above 1700 / 21.75 = 78.16, below 1900 / 21.75 = 87.36.
        Scenario s = scenario("MT-EW-EFF").worker(a, "甲", Scenario.card(34, 1), true, "2026-08-01", null)
                .attend(a, SEP, 20, "8").attend(a, OCT, 20, "8")
                .pay(a, "甲", SEP, 20, "1650").pay(a, "甲", OCT, 20, "1650")
                .paid(a, "甲", Scenario.card(34, 1), SEP, "1650").paid(a, "甲", Scenario.card(34, 1), OCT, "1650").send();
        try {
            settings.update(RuleCode.R03, "430981", true, Map.of("graceMonths", "1", "monthlyMinimumWage", "1900",
                    "daysPerMonth", "21.75", "dueDays", "3"), LocalDate.of(2026, 10, 1), -1, "zhiqianban");
            LocalDate day = LocalDate.of(2026, 12, 10);
            on(day).evaluateProjectMonth(s.projectId, SEP);
            on(day).evaluateProjectMonth(s.projectId, OCT);
            assertThat(active(RuleCode.R03, s.projectId, "2026-09")).as("September keeps 1700").isEmpty();
            assertThat(active(RuleCode.R03, s.projectId, "2026-10").orElseThrow().reason())
                    .contains("低于87.36元（月最低工资1900元÷21.75）");

            RuleSettings.Snapshot snapshot = settings.snapshot();
            assertThat(snapshot.of(RuleCode.R03, "430981", LocalDate.of(2026, 9, 30)).value("monthlyMinimumWage"))
                    .isEqualTo("1700");
            assertThat(snapshot.of(RuleCode.R03, "430981001", LocalDate.of(2026, 10, 1)).effectiveFrom())
                    .isEqualTo(LocalDate.of(2026, 10, 1));
            // A later change from 2027 stays in the history; the October setting is still in force today.
            settings.update(RuleCode.R03, "430981", true, Map.of("graceMonths", "1", "monthlyMinimumWage", "2000",
                    "daysPerMonth", "21.75", "dueDays", "3"), LocalDate.of(2099, 1, 1),
                    settings.snapshot().version(RuleCode.R03, "430981"), "zhiqianban");
            assertThat(settings.snapshot().history(RuleCode.R03, "430981")).extracting(RuleSettings.Setting::effectiveFrom)
                    .containsExactly(LocalDate.of(2099, 1, 1), LocalDate.of(2026, 10, 1));
            mvc.perform(get("/monitoring/rules").with(logins.as("zhiqianban"))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("id=\"history-R03\""),
                            org.hamcrest.Matchers.containsString("2099-01-01"),
                            org.hamcrest.Matchers.containsString("自 2026-10-01 起生效"),
                            org.hamcrest.Matchers.containsString("name=\"effectiveFrom\""))));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.update(RuleCode.R03, "430981", true,
                    Map.of(), LocalDate.of(2027, 1, 1), 0, "zhiqianban"))
                    .as("a version the officer did not see is refused").isInstanceOf(
                            org.wageguard.shared.StaleEditException.class);
        } finally {
            resetParams(RuleCode.R03);
        }
    }

    @Test
    void rule12TheWindowIsCountedFromTheLunarNewYearForAlertsAndIntakeAlike() {
        // The table serves 2019–2040, each festival between 21 January and 20 February, on a day the work calendar
        // keeps as a 春节 holiday where it has that year (2021, 2026, 2027).
        for (int year = 2019; year <= 2040; year++) {
            LocalDate f = festivals.festival(year).orElseThrow();
            assertThat(f).isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
        }
        for (int year : List.of(2021, 2026, 2027)) {
            LocalDate f = festivals.festival(year).orElseThrow();
            assertThat(workingDays.exceptions(year)).anySatisfy(e -> {
                assertThat(e.day()).isEqualTo(f);
                assertThat(e.name()).isEqualTo("春节");
            });
        }
        assertThat(festivals.festival(2026)).contains(LocalDate.of(2026, 2, 17));
        // 60 days before 17 February 2026 to 14 days after (元宵节, 3 March).
        assertThat(festivalWindow.covers(LocalDate.of(2025, 12, 18), "430981")).isFalse();
        assertThat(festivalWindow.covers(LocalDate.of(2025, 12, 19), "430981")).isTrue();
        assertThat(festivalWindow.covers(LocalDate.of(2026, 2, 16), "430981"))
                .as("the fixed 12-01 to 02-15 ended before the festival").isTrue();
        assertThat(festivalWindow.covers(LocalDate.of(2026, 3, 3), "430981")).isTrue();
        assertThat(festivalWindow.covers(LocalDate.of(2026, 3, 4), "430981")).isFalse();

        long inWindow = intake.register(new Intake(Channel.WALK_IN, CaseKind.REPORT, null, null, true, null,
                "春节时段测试单位甲", null, "430981", "48", null, null, "元宵节前的投诉", List.of(), null,
                LocalDate.of(2026, 3, 2)));
        long after = intake.register(new Intake(Channel.WALK_IN, CaseKind.REPORT, null, null, true, null,
                "春节时段测试单位乙", null, "430981", "48", null, null, "春节时段之后的投诉", List.of(), null,
                LocalDate.of(2026, 3, 4)));
        assertThat(springFestival(inWindow)).as("intake uses rule 12's window").isTrue();
        assertThat(springFestival(after)).isFalse();
    }

    private boolean springFestival(long caseId) {
        return jdbc.sql("SELECT spring_festival FROM case_file WHERE id = :id").param("id", caseId)
                .query(Boolean.class).single();
    }

    @Test
    void riskGradesByTownShowEachTownsMostSeriousGradeAndOneProjectIsGradedAlone() throws Exception {
        // A project in 南大膳镇 whose September wages reached no one: rule 1, red.
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long contractor = jdbc.sql("SELECT id FROM employer WHERE name = '湖南华盛建设工程有限公司'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        String town = "430981100";
        long projectId = projects.register(new ProjectDraft("MT-EW-TOWN", "南大膳镇风险测试项目", town, housing, owner,
                contractor, null, null, null, true, new BigDecimal("10000000"), null, LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 1), null, ProjectStatus.UNDER_CONSTRUCTION));
        String a = Scenario.idNumber(35, 1);
        new TownScenario(projectId).send(a);
        on(LocalDate.of(2026, 11, 10)).evaluateProjectMonth(projectId, SEP);
        assertThat(active(RuleCode.R01, projectId, "2026-09")).isPresent();

        RiskGrades.Risk one = grades.project(CITY, projectId).orElseThrow();
        assertThat(one.grade()).isEqualTo(RiskGrades.Grade.RED);
        assertThat(one.factors()).anySatisfy(f -> assertThat(f.text()).contains("专户未代发工资"));
        assertThat(grades.projects(CITY)).filteredOn(r -> r.id() == projectId).singleElement()
                .satisfies(r -> assertThat(r.factors()).hasSameSizeAs(one.factors()));

        RiskGrades.Overview overview = grades.overview(CITY, "430981");
        RiskGrades.RegionRisk nandashan = overview.regions().stream().filter(r -> r.regionCode().equals(town))
                .findFirst().orElseThrow();
        assertThat(nandashan.grade()).isEqualTo(RiskGrades.Grade.RED);
        assertThat(nandashan.projects()).isEqualTo(1);
        assertThat(nandashan.projectsOf(RiskGrades.Grade.RED)).isEqualTo(1);
        assertThat(nandashan.redAlerts()).isGreaterThanOrEqualTo(1);
        assertThat(overview.regions()).allSatisfy(r -> assertThat(r.regionCode()).startsWith("430981"))
                .noneSatisfy(r -> assertThat(r.regionCode()).hasSize(12));

        mvc.perform(get("/monitoring/risk").param("region", town).with(logins.as("zhiqianban")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("id=\"risk-region-430981100\""),
                        org.hamcrest.Matchers.containsString("南大膳镇风险测试项目"),
                        org.hamcrest.Matchers.containsString("仅列出 南大膳镇 的项目和单位"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("预警测试项目MT-EW02")))));
        mvc.perform(get("/monitoring/risk").param("region", "4309X").with(logins.as("zhiqianban")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("区划代码“4309X”无效")));
    }

    /** The four files of the town's project: one worker attended ten days of September, nothing paid. */
    private final class TownScenario {
        private final long projectId;

        TownScenario(long projectId) {
            this.projectId = projectId;
        }

        void send(String id) {
            Scenario s = new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), "MT-EW-TOWN",
                    projectId);
            s.worker(id, "甲", Scenario.card(35, 1), true, "2026-08-01", null).attend(id, SEP, 10, "8")
                    .pay(id, "甲", SEP, 10, "3000").send();
        }
    }
}
