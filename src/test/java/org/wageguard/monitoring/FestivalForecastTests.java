package org.wageguard.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.WorkingDays;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.monitoring.rules.RulePolicy;
import org.wageguard.payroll.WageFacts;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.Projects;
import org.wageguard.project.WageDeposits;
import org.wageguard.shared.SpringFestivals;
import org.wageguard.workforce.RealNameImports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The festival exposure forecast against a county's winter whose truth is known by construction
 * ({@link WinterGenerator}): each planted payer found within the stated tolerance (1 % of its true exposure, at least
 * one yuan), ranked as the truth ranks them, its worker rows, and rule 16's red alert at the region's threshold.
 * Rolled back: the generated county never reaches the other tests.
 */
@DemoApplicationTest
@Transactional
class FestivalForecastTests {

    static final DataScope COUNTY = new DataScope(DataScopeType.REGION, WinterGenerator.COUNTY, Set.of(), null, null, 0);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired ProjectParties parties;
    @Autowired WageDeposits deposits;
    @Autowired FestivalForecasts forecasts;
    @Autowired List<RulePolicy> policies;
    @Autowired Alerts alerts;
    @Autowired RuleSettings settings;
    @Autowired WageFacts wages;
    @Autowired WorkingDays workingDays;
    @Autowired SpringFestivals festivals;
    @Autowired org.wageguard.reporting.WorkSummary summary;

    Map<WinterGenerator.Payer, WinterGenerator.Planted> planted;

    @BeforeEach
    void winter() {
        planted = new WinterGenerator(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), parties, deposits)
                .generate().stream().collect(Collectors.toMap(WinterGenerator.Planted::payer, p -> p));
    }

    static BigDecimal tolerance(BigDecimal truth) {
        return truth.multiply(new BigDecimal("0.01")).max(BigDecimal.ONE);
    }

    @Test
    void forecastFindsEachPlantedPayerWithinToleranceAndRanksThemAsTheTruthDoes() {
        FestivalForecasts.Forecast f = forecasts.forecast(COUNTY, WinterGenerator.COUNTY, null, WinterGenerator.AS_OF);

        assertThat(f.festival()).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(f.target()).isEqualTo(LocalDate.of(2026, 2, 7));
        Map<Long, FestivalForecasts.ProjectExposure> found = f.projects().stream()
                .collect(Collectors.toMap(FestivalForecasts.ProjectExposure::projectId, p -> p));
        for (WinterGenerator.Planted p : planted.values()) {
            FestivalForecasts.ProjectExposure e = found.get(p.projectId());
            assertThat(e).as(p.payer().name()).isNotNull();
            assertThat(e.exposure().subtract(p.trueExposure()).abs()).as(p.payer() + " exposure " + e.exposure()
                    + " against the truth " + p.trueExposure()).isLessThanOrEqualTo(tolerance(p.trueExposure()));
        }
        assertThat(planted.get(WinterGenerator.Payer.LATE).trueExposure()).isEqualByComparingTo("81000");
        assertThat(planted.get(WinterGenerator.Payer.VANISHED).trueExposure()).isEqualByComparingTo("75000");

        List<Long> truthOrder = planted.values().stream()
                .sorted(Comparator.comparing(WinterGenerator.Planted::trueExposure).reversed())
                .map(WinterGenerator.Planted::projectId).toList();
        List<Long> byExposure = f.projects().stream()
                .sorted(Comparator.comparing(FestivalForecasts.ProjectExposure::exposure).reversed())
                .map(FestivalForecasts.ProjectExposure::projectId).toList();
        assertThat(byExposure).containsExactlyElementsOf(truthOrder);
        // The ranked list (by the amount at risk at the festival) keeps the truth's order here: the vanished contractor
        // earns nothing more, the others a little.
        assertThat(f.projects().stream().map(FestivalForecasts.ProjectExposure::projectId).toList())
                .containsExactlyElementsOf(truthOrder);

        FestivalForecasts.ProjectExposure vanished = found.get(planted.get(WinterGenerator.Payer.VANISHED).projectId());
        assertThat(vanished.dailyPace()).isEqualByComparingTo("0");
        assertThat(vanished.atRiskFestival()).isEqualByComparingTo(vanished.exposure());
        assertThat(vanished.monthsOwing()).isEqualTo(3);
        FestivalForecasts.ProjectExposure partial = found.get(planted.get(WinterGenerator.Payer.PARTIAL).projectId());
        assertThat(partial.deposit()).isEqualByComparingTo("10000");
        // No labor cost transferred: nothing in the special account stands against the amount at risk; the deposit
        // would meet 10,000 of it once drawn.
        assertThat(partial.accountBalance()).isNull();
        assertThat(partial.atRiskFestival()).isEqualByComparingTo(partial.earnedByFestival());
        assertThat(partial.shortfall()).isEqualByComparingTo(partial.atRiskFestival().subtract(new BigDecimal("10000")));
        FestivalForecasts.ProjectExposure onTime = found.get(planted.get(WinterGenerator.Payer.ON_TIME).projectId());
        assertThat(onTime.monthsOwing()).isZero();
        // January 4–20 in the 28 days to the 31st: 17 days of 28, 1,350 yuan a day for the six, 17 days to the festival.
        assertThat(onTime.earnedByFestival().subtract(onTime.exposure()))
                .isEqualByComparingTo(new BigDecimal("1350").multiply(BigDecimal.valueOf(17 * 17))
                        .divide(BigDecimal.valueOf(28), 2, java.math.RoundingMode.HALF_UP));

        BigDecimal total = planted.values().stream().map(WinterGenerator.Planted::trueExposure).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(f.totals().exposure().subtract(total).abs()).isLessThanOrEqualTo(tolerance(total));
        assertThat(f.towns()).singleElement().satisfies(g -> assertThat(g.exposure()).isEqualByComparingTo(f.totals().exposure()));
    }

    @Test
    void workerRowsGiveEachWorkersUnpaidDaysAndTheRateTheyWereCountedAt() {
        WinterGenerator.Planted late = planted.get(WinterGenerator.Payer.LATE);
        List<FestivalForecasts.WorkerExposure> rows = forecasts.workers(COUNTY, late.projectId(), WinterGenerator.AS_OF);
        assertThat(rows).hasSize(6);
        FestivalForecasts.WorkerExposure top = rows.get(0);
        assertThat(top.name()).isEqualTo("南县工人1-5");
        assertThat(top.unpaidDays()).isEqualTo(60);
        assertThat(top.dailyRate()).isEqualByComparingTo("250");
        assertThat(top.rateSource()).isEqualTo(FestivalForecasts.RateSource.OWN);
        assertThat(top.lastFullMonth()).isEqualTo(java.time.YearMonth.of(2025, 10));
        assertThat(top.monthsOwing()).isEqualTo(2);
        assertThat(top.exposure()).isEqualByComparingTo("15000");
        assertThat(top.months()).isEqualTo("2025-11:20,2025-12:20,2026-01:20");

        WinterGenerator.Planted vanished = planted.get(WinterGenerator.Payer.VANISHED);
        assertThat(forecasts.workers(COUNTY, vanished.projectId(), WinterGenerator.AS_OF)).allSatisfy(w -> {
            assertThat(w.rateSource()).isEqualTo(FestivalForecasts.RateSource.SCHEDULE);
            assertThat(w.dailyRate()).isEqualByComparingTo("250");
            assertThat(w.unpaidDays()).isEqualTo(50);
            assertThat(w.lastFullMonth()).isNull();
        });

        WinterGenerator.Planted partial = planted.get(WinterGenerator.Payer.PARTIAL);
        FestivalForecasts.WorkerExposure first = forecasts.workers(COUNTY, partial.projectId(), WinterGenerator.AS_OF).stream()
                .filter(w -> w.name().equals("南县工人2-0")).findFirst().orElseThrow();
        assertThat(first.unpaidDays()).isEqualTo(60);
        assertThat(first.paidTowards()).isEqualByComparingTo("4000");
        assertThat(first.exposure()).isEqualByComparingTo("8000");

        // The city's officers do not see 南县's projects.
        DataScope city = new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0);
        assertThat(forecasts.covers(city, late.projectId())).isFalse();
        assertThat(forecasts.forecast(city, "430981", null, WinterGenerator.AS_OF).projects())
                .noneMatch(p -> p.regionCode().startsWith(WinterGenerator.COUNTY));
    }

    @Test
    void weeksOfTheWinterCampaignAddUpToWhatWasPaidAndWhatIsStillOwed() {
        LocalDate festival = LocalDate.of(2026, 2, 17);
        List<FestivalForecasts.Week> weeks = forecasts.weeks(COUNTY, null, festival.minusDays(84), WinterGenerator.AS_OF, festival);
        assertThat(weeks).hasSize(10);
        assertThat(weeks.get(weeks.size() - 1).to()).isEqualTo(WinterGenerator.AS_OF);
        assertThat(weeks.get(weeks.size() - 1).atRisk()).isEqualByComparingTo(
                forecasts.forecast(COUNTY, WinterGenerator.COUNTY, null, WinterGenerator.AS_OF).totals().exposure());
        // December's wages of the on-time payer and the partial payer's half of December were paid on 10 January:
        // 27,000 + 13,500 (the small payer paid November on 10 December and December not at all).
        FestivalForecasts.Week tenth = weeks.stream().filter(w -> !w.from().isAfter(LocalDate.of(2026, 1, 10))
                && !w.to().isBefore(LocalDate.of(2026, 1, 10))).findFirst().orElseThrow();
        assertThat(tenth.paid()).isEqualByComparingTo("40500");
        weeks.forEach(w -> assertThat(w.expected()).isEqualByComparingTo(w.paid().add(w.atRisk())));
    }

    @Test
    void theWorkSummaryCarriesTheForecastWithItsDefinition() {
        var figure = summary.figures(WinterGenerator.COUNTY, LocalDate.of(2025, 7, 1), WinterGenerator.AS_OF).figures()
                .get("festivalForecast");
        BigDecimal total = planted.values().stream().map(WinterGenerator.Planted::trueExposure).reduce(BigDecimal.ZERO, BigDecimal::add);
        // 81,000 + 75,000 + 54,000 + 27,000 + 16,400 = 253,400 yuan: 25.3 万元, five projects, 26 workers.
        assertThat(total).isEqualByComparingTo("253400");
        assertThat(figure.value()).startsWith("截至 2026-01-31，5 个项目 26 名农民工已出勤未足额支付工资约 25.3 万元；至春节（2026-02-17）");
        assertThat(figure.definition()).contains("未付出勤日", "日工资标准", "专户余额", "R16");
        assertThat(figure.link()).isEqualTo("/monitoring/forecast?asOf=2026-01-31");
    }

    /** Rule 16 (《保障农民工工资支付条例》第十二条、第三十八条): red when a project's exposure passes the region's threshold. */
    @Test
    void rule16FestivalExposureRaisesARedAlertPastTheRegionsThreshold() {
        int version = settings.snapshot().version(RuleCode.R16, WinterGenerator.COUNTY);
        settings.update(RuleCode.R16, WinterGenerator.COUNTY, true, Map.of("exposureYuan", "60000"),
                RuleSettings.SINCE_EVER, version, "zhiqianban");
        new RuleEvaluation(policies, alerts, settings, projects, wages, workingDays, jdbc,
                Clock.fixed(WinterGenerator.AS_OF.atStartOfDay(ZONE).toInstant(), ZONE), 3, festivals)
                .evaluateStanding(Set.of(RuleCode.R16));

        for (WinterGenerator.Planted p : planted.values()) {
            List<Alerts.Alert> raised = alerts.all(COUNTY, new Alerts.Filter(null, RuleCode.R16, null, null, null, p.projectId(), null));
            boolean over = p.trueExposure().compareTo(new BigDecimal("60000")) > 0;
            assertThat(raised).as(p.payer().name()).hasSize(over ? 1 : 0);
            if (over) {
                assertThat(raised.get(0).severity()).isEqualTo(Severity.RED);
                assertThat(raised.get(0).reason()).contains("超过本地区阈值60000.00元");
            }
        }
    }
}
