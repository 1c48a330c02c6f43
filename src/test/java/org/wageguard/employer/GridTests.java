package org.wageguard.employer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.employer.internal.EmployerRefresh;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OperationLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The grid against the demo city: grids and workers, a grid worker's scope, the refresh and its clock. */
@DemoApplicationTest
class GridTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 兴记煲仔饭店, in wangge's grid 琼湖街道第三网格. */
    static final String IN_MY_GRID = "92430981MA4L3W7X5N";
    /** 沅江市城市建设投资开发有限公司, in 琼湖街道第一网格. */
    static final String OTHER_GRID = "914309811870214560";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired OperationLog operationLog;

    long idOf(String creditCode) {
        return jdbc.sql("SELECT id FROM employer WHERE credit_code = :c").param("c", creditCode).query(Long.class).single();
    }

    String html(String path, String username) throws Exception {
        return mvc.perform(get(path).with(logins.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({"wangge,/grid,200", "wangge,/grids,200", "wangge,/grids/refresh,200", "wangge,/grids/new,403",
            "zhiqianban,/grids,200", "zhiqianban,/grids/new,200", "jiancha,/grids,200", "jiancha,/grids/refresh,200",
            "jiancha,/grids/new,403", "admin,/grids,200", "admin,/grids/new,200", "zhujian,/grids,403",
            "zongbao,/grid,403", "yinhang,/grids,403", "shenji,/grids,403"})
    void eachRoleReachesWhatItsPermissionsAllow(String username, String path, int expected) throws Exception {
        mvc.perform(get(path).with(logins.as(username))).andExpect(status().is(expected));
    }

    @Test
    void officersWithoutAGridAreTakenFromMyGridToTheGrids() throws Exception {
        mvc.perform(get("/grid").with(logins.as("jiancha"))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/grids"));
    }

    @Test
    void theGridsOfTheCityListTheirWorkersAndWarnWhereFewerThanTwo() throws Exception {
        String html = html("/grids", "zhiqianban");
        assertThat(html).contains("琼湖街道第三网格", "谢春香", "赵红梅", "胭脂湖街道第二网格（高新区）", "南嘴镇第一网格",
                "189****1010").doesNotContain("18907371010");
        // Every demo grid has two or three workers: none of them is flagged (grids made by other tests may be).
        for (String demo : List.of("430981001-01", "430981001-02", "430981001-03", "430981001-04", "430981002-01",
                "430981002-02", "430981100-01", "430981102-01", "430981106-01")) {
            String row = html.substring(html.indexOf("data-grid=\"" + demo + "\""));
            assertThat(row.substring(0, row.indexOf("</tr>"))).as(demo).doesNotContain("understaffed");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM grid").query(Integer.class).single()).isGreaterThanOrEqualTo(9);

        // A new grid without workers is created by the leadership office and flagged at once.
        mvc.perform(post("/grids/new").with(csrf()).with(logins.as("zhiqianban")).param("code", "430981103-07")
                .param("name", "阳罗洲镇测试网格").param("regionCode", "430981103").param("notes", "测试")
                .param("enabled", "true")).andExpect(status().is3xxRedirection());
        String after = html("/grids", "zhiqianban");
        assertThat(after).contains("阳罗洲镇测试网格", "understaffed-warning", "网格员 0 名，少于 2 名");
        // A grid must lie in a town or street of the officer's region.
        String refused = mvc.perform(post("/grids/new").with(csrf()).with(logins.as("zhiqianban"))
                .param("code", "430981-99").param("name", "县级网格").param("regionCode", "430981"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请选择本辖区内的乡镇或街道");
    }

    @Test
    void aGridIsEditedAtTheVersionItWasOpenedAndItsCodeStays() throws Exception {
        String code = "430981107-" + (System.nanoTime() % 90 + 10);
        mvc.perform(post("/grids/new").with(csrf()).with(logins.as("admin")).param("code", code)
                .param("name", "新湾镇编辑测试网格" + code).param("regionCode", "430981107").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/grids/" + code + "/edit").with(logins.as("zhiqianban"))).andExpect(status().isOk());
        mvc.perform(get("/grids/" + code + "/edit").with(logins.as("jiancha"))).andExpect(status().isForbidden());
        mvc.perform(post("/grids/" + code + "/edit").with(csrf()).with(logins.as("zhiqianban")).param("code", "X-CHANGED")
                .param("name", "新湾镇编辑测试网格（改）" + code).param("regionCode", "430981107").param("notes", "新湾大道两侧")
                .param("version", "0")).andExpect(status().is3xxRedirection());
        var row = jdbc.sql("SELECT name, notes, enabled, version FROM grid WHERE code = :c").param("c", code).query()
                .singleRow();
        assertThat(row).containsEntry("notes", "新湾大道两侧").containsEntry("enabled", false).containsEntry("version", 1);
        assertThat((String) row.get("name")).startsWith("新湾镇编辑测试网格（改）");
        // A second editor holding version 0 is told, and nothing is overwritten.
        String stale = mvc.perform(post("/grids/" + code + "/edit").with(csrf()).with(logins.as("admin"))
                .param("name", "过期的修改").param("regionCode", "430981107").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("该记录已被其他人修改");
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE name = '过期的修改'").query(Integer.class).single()).isZero();
        mvc.perform(get("/grids/NO-SUCH-GRID/edit").with(logins.as("zhiqianban"))).andExpect(status().isNotFound());
    }

    @Test
    void aGridWorkerSeesAndEditsOnlyTheEmployersOfTheirOwnGrid() throws Exception {
        String mine = html("/grid", "wangge");
        assertThat(mine).contains("琼湖街道第三网格", "沅江市兴记煲仔饭店", "沅江市洞庭大酒店")
                .doesNotContain("沅江市城市建设投资开发有限公司", "湖南沅江建工集团有限公司");
        long other = idOf(OTHER_GRID);
        mvc.perform(get("/employers/" + other).with(logins.as("wangge"))).andExpect(status().isNotFound());
        mvc.perform(get("/employers/" + other + "/edit").with(logins.as("wangge"))).andExpect(status().isNotFound());
        mvc.perform(post("/employers/" + other + "/edit").with(csrf()).with(logins.as("wangge")).param("name", "越权修改")
                .param("type", "OWNER").param("industryCode", "72").param("regionCode", "430981001")
                .param("supervisingDepartmentId", "1").param("operatingStatus", "NORMAL").param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/grid/employers/" + other + "/confirm").with(csrf()).with(logins.as("wangge")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT name FROM employer WHERE id = :id").param("id", other).query(String.class).single())
                .isEqualTo("沅江市城市建设投资开发有限公司");
        // Nor may the grid worker move one of their employers to someone else's grid.
        long own = idOf(IN_MY_GRID);
        mvc.perform(get("/employers/" + own + "/edit").with(logins.as("wangge"))).andExpect(status().isOk());
        String moved = mvc.perform(edit(own, "430981001-01").with(logins.as("wangge"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(moved).contains("网格“430981001-01”未登记或不在您的管辖范围内");
        assertThat(jdbc.sql("SELECT grid_code FROM employer WHERE id = :id").param("id", own).query(String.class).single())
                .isEqualTo("430981001-03");
    }

    @Test
    void aGridCodeMustBeARegisteredGrid() throws Exception {
        String html = mvc.perform(post("/employers/new").with(csrf()).with(logins.as("jiancha"))
                .param("name", "未登记网格测试公司").param("creditCode", TestEmployers.newCreditCode())
                .param("type", "CATERING").param("industryCode", "62").param("regionCode", "430981001")
                .param("supervisingDepartmentId", String.valueOf(department("沅江市商务局")))
                .param("gridCode", "430981001-88").param("operatingStatus", "NORMAL")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("网格“430981001-88”未登记");
    }

    @Test
    void confirmingOrEditingRestartsTheRefreshClockOfThatEmployer() throws Exception {
        // A grid worker registers a new employer of the grid: it counts as refreshed today.
        String code = TestEmployers.newCreditCode();
        mvc.perform(post("/employers/new").with(csrf()).with(logins.as("wangge")).param("name", "沅江市网格测试小吃店")
                .param("creditCode", code).param("type", "CATERING").param("industryCode", "62")
                .param("regionCode", "430981001").param("supervisingDepartmentId", String.valueOf(department("沅江市商务局")))
                .param("gridCode", "430981001-03").param("operatingStatus", "NORMAL"))
                .andExpect(status().is3xxRedirection());
        long id = idOf(code);
        assertThat(refreshedBy(id)).isEqualTo("wangge");
        // It is made overdue, then confirmed unchanged.
        jdbc.sql("UPDATE employer SET refreshed_on = current_date - 400, registered_on = current_date - 800 WHERE id = :id")
                .param("id", id).update();
        assertThat(cardOf(html("/grid", "wangge"), id)).contains("逾期");
        mvc.perform(post("/grid/employers/" + id + "/confirm").with(csrf()).with(logins.as("wangge")))
                .andExpect(status().is3xxRedirection());
        LocalDate refreshed = jdbc.sql("SELECT refreshed_on FROM employer WHERE id = :id").param("id", id)
                .query(LocalDate.class).single();
        assertThat(refreshed).isEqualTo(LocalDate.now(ZONE));
        assertThat(cardOf(html("/grid", "wangge"), id)).contains("已核实", LocalDate.now(ZONE).plusMonths(6).toString());
        assertThat(html("/employers/" + id, "jiancha")).contains("refresh-state", "wangge",
                LocalDate.now(ZONE).plusMonths(6).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EMPLOYER_REFRESH' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).as("on registration and now").isEqualTo(2);

        // An edit by the grid worker is a refresh too; an edit by an inspector is not.
        jdbc.sql("UPDATE employer SET refreshed_on = current_date - 400, refreshed_by = 'old' WHERE id = :id")
                .param("id", id).update();
        mvc.perform(edit(id, "430981001-03").with(logins.as("jiancha"))).andExpect(status().is3xxRedirection());
        assertThat(refreshedBy(id)).isEqualTo("old");
        mvc.perform(edit(id, "430981001-03").with(logins.as("wangge"))).andExpect(status().is3xxRedirection());
        assertThat(refreshedBy(id)).isEqualTo("wangge");
    }

    @Test
    void theBureauListShowsEveryGridOverdueFirst() throws Exception {
        String html = html("/grids/refresh", "jiancha");
        List<Boolean> overdue = rows(html);
        assertThat(overdue).hasSizeGreaterThanOrEqualTo(24).contains(true, false);
        // Overdue rows come first: no overdue row after the first row that is not.
        assertThat(overdue.subList(overdue.indexOf(false), overdue.size())).doesNotContain(true);
        assertThat(html).contains("沅江市城市建设投资开发有限公司", "沅江市信峰船舶制造有限公司", "南嘴镇第一网格");
        // The grid worker's own view of the same list holds their grid only.
        assertThat(html("/grids/refresh", "wangge")).doesNotContain("沅江市城市建设投资开发有限公司")
                .contains("沅江市兴记煲仔饭店");
        // Filtered to one grid's overdue employers.
        List<Boolean> one = rows(mvc.perform(get("/grids/refresh").param("grid", "430981002-02").param("overdue", "true")
                .with(logins.as("zhiqianban"))).andReturn().getResponse().getContentAsString());
        assertThat(one).isNotEmpty().containsOnly(true);
    }

    @Test
    void theRefreshClockRunsOnTheParameterFromTheLastRefreshOrRegistration() {
        String grid = "430981104-0" + (System.nanoTime() % 9 + 1);
        jdbc.sql("INSERT INTO grid (code, name, region_code) VALUES (:c, :n, '430981104') ON CONFLICT DO NOTHING")
                .param("c", grid).param("n", "四季红镇时钟测试网格" + grid).update();
        long never = employer(grid, LocalDate.of(2026, 1, 10), null);
        long refreshed = employer(grid, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 31));
        var scope = logins.principal("jiancha").scope();

        EmployerRefresh onJune = on(LocalDate.of(2026, 6, 30), 6);
        assertThat(due(onJune, scope, grid, never).dueOn()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(due(onJune, scope, grid, never).overdue()).isFalse();
        assertThat(due(onJune, scope, grid, never).daysLeft()).isEqualTo(10);
        assertThat(due(onJune, scope, grid, refreshed).dueOn()).isEqualTo(LocalDate.of(2026, 9, 30));

        EmployerRefresh onJuly11 = on(LocalDate.of(2026, 7, 11), 6);
        assertThat(due(onJuly11, scope, grid, never).overdue()).isTrue();
        assertThat(onJuly11.list(scope, grid, true)).extracting(EmployerRefresh.Due::id).containsExactly(never);
        // Overdue first, then by the day due.
        assertThat(onJuly11.list(scope, grid, false)).extracting(EmployerRefresh.Due::id).containsExactly(never, refreshed);

        // Confirmed on 12 July: due again six months later, and not overdue on the day before.
        onJuly11 = on(LocalDate.of(2026, 7, 12), 6);
        onJuly11.confirm(scope, never);
        EmployerRefresh onJan11 = on(LocalDate.of(2027, 1, 11), 6);
        assertThat(due(onJan11, scope, grid, never).dueOn()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(due(onJan11, scope, grid, never).overdue()).isFalse();
        assertThat(due(on(LocalDate.of(2027, 1, 13), 6), scope, grid, never).overdue()).isTrue();

        // The period is a parameter: three months makes the second employer overdue on 1 July.
        assertThat(due(on(LocalDate.of(2026, 7, 1), 3), scope, grid, refreshed).overdue()).isTrue();
        assertThat(due(on(LocalDate.of(2026, 6, 30), 3), scope, grid, refreshed).overdue()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    EmployerRefresh on(LocalDate day, int months) {
        return new EmployerRefresh(jdbc, operationLog, Clock.fixed(day.atStartOfDay(ZONE).toInstant(), ZONE), months);
    }

    static EmployerRefresh.Due due(EmployerRefresh refresh, org.wageguard.identity.DataScope scope, String grid, long id) {
        return refresh.list(scope, grid, false).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    long employer(String grid, LocalDate registeredOn, LocalDate refreshedOn) {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    grid_code, registered_on, refreshed_on)
                VALUES (:name, :code, '62', '430981104', 'CATERING', (SELECT min(id) FROM department), :grid, :reg, :ref)
                RETURNING id
                """).param("name", "时钟测试单位" + System.nanoTime()).param("code", TestEmployers.newCreditCode())
                .param("grid", grid).param("reg", registeredOn).param("ref", refreshedOn).query(Long.class).single();
    }

    long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    String refreshedBy(long id) {
        return jdbc.sql("SELECT refreshed_by FROM employer WHERE id = :id").param("id", id).query(String.class).single();
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit(long id, String grid) {
        int version = jdbc.sql("SELECT version FROM employer WHERE id = :id").param("id", id).query(Integer.class).single();
        var e = jdbc.sql("SELECT name, type, industry_code, region_code, supervising_department_id FROM employer WHERE id = :id")
                .param("id", id).query().singleRow();
        return post("/employers/" + id + "/edit").with(csrf()).param("name", (String) e.get("name")).param("creditCode", "ignored")
                .param("type", (String) e.get("type")).param("industryCode", (String) e.get("industry_code"))
                .param("regionCode", (String) e.get("region_code"))
                .param("supervisingDepartmentId", String.valueOf(e.get("supervising_department_id")))
                .param("gridCode", grid).param("operatingStatus", "NORMAL").param("version", String.valueOf(version));
    }

    static String cardOf(String html, long id) {
        int at = html.indexOf("id=\"employer-" + id + "\"");
        assertThat(at).as("card of employer " + id).isPositive();
        int end = html.indexOf("class=\"wg-card", at + 10);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    /** Whether each row of the refresh table is marked overdue, in order. */
    static List<Boolean> rows(String html) {
        Matcher m = Pattern.compile("<tr data-employer=\"\\d+\"( class=\"table-danger\")?").matcher(html);
        List<Boolean> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) != null);
        }
        return out;
    }
}
