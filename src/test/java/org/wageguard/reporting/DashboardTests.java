package org.wageguard.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every dashboard figure against a count made here, and every segment's drill-down listing exactly its rows. */
@DemoApplicationTest
class DashboardTests {

    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 6, 30);

    @Autowired Dashboard dashboard;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    Dashboard.Figures figures() {
        return dashboard.figures("430981", FROM, TO, Map.of("WALK_IN", "一厅式接访"));
    }

    @Test
    void theFiguresAreTheCountsOfTheRecords() {
        Dashboard.Figures f = figures();
        record Expected(long cases, BigDecimal recovered) {
        }
        Expected e = jdbc.sql("""
                SELECT count(*) AS cases, sum(amount_recovered) AS recovered FROM case_file
                 WHERE registered_on BETWEEN '2021-01-01' AND '2021-06-30' AND linked_case_id IS NULL
                   AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query(Expected.class).single();
        assertThat(f.total().cases()).isEqualTo(e.cases());
        assertThat(f.total().recovered()).isEqualByComparingTo(e.recovered());
        assertThat(f.byMonth().stream().mapToLong(Dashboard.Segment::cases).sum()).isEqualTo(e.cases());
        assertThat(f.bySector().stream().mapToLong(Dashboard.Segment::cases).sum()).isEqualTo(e.cases());
        assertThat(f.byChannel().stream().mapToLong(Dashboard.Segment::cases).sum()).isEqualTo(e.cases());
        assertThat(f.byDepartment().stream().mapToLong(Dashboard.Segment::cases).sum()).isEqualTo(e.cases());
        long january = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE registered_on BETWEEN '2021-01-01' AND '2021-01-31'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query(Long.class).single();
        assertThat(f.byMonth().get(0).key()).isEqualTo("2021-01");
        assertThat(f.byMonth().get(0).cases()).isEqualTo(january);
        assertThat(f.byChannel()).anySatisfy(s -> assertThat(s.label()).isEqualTo("一厅式接访"));
        assertThat(f.bySector()).extracting(Dashboard.Segment::key).contains("E", "C");
    }

    static final Pattern COUNT = Pattern.compile("共 (\\d+) 件");

    @Test
    void everySegmentsDrillDownListsExactlyItsCases() throws Exception {
        Dashboard.Figures f = figures();
        List<Dashboard.Segment> segments = new ArrayList<>();
        segments.add(f.total());
        segments.addAll(f.byMonth());
        segments.addAll(f.bySector());
        segments.addAll(f.byChannel());
        segments.addAll(f.byDepartment());
        for (Dashboard.Segment s : segments) {
            if (s.link() == null) {
                continue;
            }
            String page = mvc.perform(get(s.link()).with(logins.as("zhiqianban"))).andReturn().getResponse()
                    .getContentAsString();
            Matcher m = COUNT.matcher(page);
            assertThat(m.find()).as(s.link()).isTrue();
            assertThat(Long.parseLong(m.group(1))).as(s.key() + " " + s.link()).isEqualTo(s.cases());
            int rows = page.split("data-number=", -1).length - 1;
            assertThat(rows).as(s.link()).isEqualTo((int) Math.min(s.cases(), 20));
        }
    }

    @Test
    void thePageCarriesEachChartsDataForTheScript() throws Exception {
        String page = mvc.perform(get("/reports/dashboard?from=2021-01-01&to=2021-06-30").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chart-month\"", "data-chart=", "/js/reporting-dashboard.js", "echarts.min.js")
                .contains("counted=true&amp;from=2021-01-01&amp;to=2021-01-31");
        int status = mvc.perform(get("/reports/dashboard").with(logins.as("yinhang"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void clueAndInspectionFiguresOpenListsOfExactlyTheirRows() throws Exception {
        LocalDate from = LocalDate.of(2021, 1, 1), to = LocalDate.of(2021, 12, 31);
        Dashboard.Figures f = dashboard.figures("430981", from, to, Map.of());
        long received = jdbc.sql("SELECT count(*) FROM case_file WHERE channel = 'PLATFORM' AND registered_on BETWEEN :f AND :t")
                .param("f", from).param("t", to).query(Long.class).single();
        assertThat(f.clues()).extracting(Dashboard.Count::key).containsExactly("received", "finished", "tracked");
        assertThat(f.clues().get(0).count()).isEqualTo(received).isPositive();
        long handling = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE channel = 'PLATFORM' AND registered_on BETWEEN :f AND :t
                   AND status NOT IN ('CLOSED','TRACKING_ENDED','REFUSED','WITHDRAWN')
                """).param("f", from).param("t", to).query(Long.class).single();
        assertThat(f.clues().get(1).count() + f.clues().get(2).count() + handling).isEqualTo(received);
        for (Dashboard.Count c : f.clues()) {
            String page = mvc.perform(get(c.link()).with(logins.as("zhiqianban"))).andReturn().getResponse()
                    .getContentAsString();
            Matcher m = Pattern.compile("共 ([\\d,]+) 件").matcher(page);
            assertThat(m.find()).as(c.link()).isTrue();
            assertThat(Long.parseLong(m.group(1).replace(",", ""))).as(c.link()).isEqualTo(c.count());
        }
        long inspected = jdbc.sql("""
                SELECT count(DISTINCT t.project_id) FROM inspection i JOIN campaign_target t ON t.id = i.target_id
                 WHERE t.project_id IS NOT NULL AND i.inspected_on BETWEEN :f AND :t
                """).param("f", from).param("t", to).query(Long.class).single();
        assertThat(f.inspected().count()).isEqualTo(inspected).isPositive();
        String page = mvc.perform(get(f.inspected().link()).with(logins.as("zhiqianban"))).andReturn().getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("检查在建项目 (\\d+) 个，现场检查 (\\d+) 次").matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(inspected);
        assertThat(Long.parseLong(m.group(2))).isGreaterThanOrEqualTo(inspected);
        mvc.perform(get(f.inspected().link()).with(logins.as("yinhang")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void alertFiguresOfThePeriodOpenTheBoardWithExactlyThoseAlertsAndComplianceRatesAreCountedFromTheItems() throws Exception {
        LocalDate from = LocalDate.now().minusYears(1);
        LocalDate to = LocalDate.now();
        Dashboard.Figures f = dashboard.figures("430981", from, to, Map.of(), new java.util.LinkedHashMap<>(Map.of(
                "RED", "红色", "ORANGE", "橙色", "YELLOW", "黄色")), Map.of("NOTICE_BOARD", "维权告示牌"));
        long raised = jdbc.sql("SELECT count(*) FROM alert WHERE first_raised_at::date BETWEEN :f AND :t")
                .param("f", from).param("t", to).query(Long.class).single();
        assertThat(f.alerts().stream().mapToLong(Dashboard.Count::count).sum()).isEqualTo(raised).isPositive();
        for (Dashboard.Count c : f.alerts()) {
            String page = mvc.perform(get(c.link()).with(logins.as("zhiqianban"))).andReturn().getResponse()
                    .getContentAsString();
            Matcher m = Pattern.compile("共 (\\d+) 条").matcher(page);
            assertThat(m.find()).as(c.link()).isTrue();
            assertThat(Long.parseLong(m.group(1))).as(c.link()).isEqualTo(c.count());
        }
        Dashboard.Rate board = f.compliance().get(0);
        long present = jdbc.sql("""
                SELECT count(*) FROM compliance_item i JOIN project p ON p.id = i.project_id
                 WHERE i.kind = 'NOTICE_BOARD' AND i.status = 'PRESENT' AND p.status IN ('UNDER_CONSTRUCTION', 'SUSPENDED')
                """).query(Long.class).single();
        assertThat(board.present()).isEqualTo(present);
        assertThat(board.required()).isGreaterThanOrEqualTo(present).isPositive();
        String page = mvc.perform(get("/reports/dashboard?from=" + from + "&to=" + to).with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"chart-compliance\"", "id=\"alerts-RED\"");
    }
}
