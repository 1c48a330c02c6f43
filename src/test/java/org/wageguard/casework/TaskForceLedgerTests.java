package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The task force list exports as its ledger: the same task forces as the page, in the officer's region only. */
@DemoApplicationTest
class TaskForceLedgerTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired TaskForces taskForces;
    @Autowired JdbcClient jdbc;

    MvcResult download(String user) throws Exception {
        return mvc.perform(get("/taskforces.xlsx").with(logins.as(user))).andReturn();
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    @Test
    void theLedgerHoldsTheListsTaskForcesWithChineseColumns() throws Exception {
        MvcResult result = download("jiancha");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
        List<List<String>> rows = LedgerSheets.rows(result.getResponse().getContentAsByteArray());

        assertThat(rows.get(0)).containsExactly("专班名称", "牵头部门", "存续起始日期", "存续截止日期", "集中接访起始日期",
                "集中接访截止日期", "登记案件（件）", "涉及农民工（人）", "主张金额（元）", "追回金额（元）",
                "已发放到手金额（元）", "已办结（件）", "工作职责");

        List<List<String>> expected = new ArrayList<>();
        for (TaskForces.TaskForce t : taskForces.list("430981")) {
            TaskForces.Handled h = taskForces.handled(t.id());
            expected.add(List.of(t.name(), t.leadDepartmentName(), t.periodFrom().toString(), t.periodTo().toString(),
                    t.receptionFrom() == null ? "" : t.receptionFrom().toString(),
                    t.receptionTo() == null ? "" : t.receptionTo().toString(), String.valueOf(h.cases()),
                    String.valueOf(h.workers()), plain(h.claimed()), plain(h.recovered()), plain(h.paidOut()),
                    String.valueOf(h.finished()), t.duties() == null ? "" : t.duties()));
        }
        assertThat(expected).as("the demo's two task forces at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);

        // The seed's task force handled cases before the Spring Festival: the figures are there, not zeros.
        List<String> seed = rows.stream().filter(r -> r.get(0).startsWith("2021年春节前")).findFirst().orElseThrow();
        assertThat(Long.parseLong(seed.get(6))).isGreaterThan(15);
        assertThat(new BigDecimal(seed.get(8))).isPositive();

        // The page lists the same task forces.
        String page = mvc.perform(get("/taskforces").with(logins.as("jiancha"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("/taskforces.xlsx");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(page).contains(r.get(0)));
    }

    @Test
    void aTaskForceOfAnotherRegionIsNeitherListedNorExported() throws Exception {
        String region = jdbc.sql("SELECT code FROM region WHERE code LIKE '43%' AND code NOT LIKE '430981%'"
                + " AND length(code) = 6 ORDER BY code LIMIT 1").query(String.class).single();
        long department = jdbc.sql("""
                INSERT INTO department (region_code, name, kind) VALUES (:r, '外县治欠办（导出测试）', 'LEADERSHIP_OFFICE')
                RETURNING id
                """).param("r", region).query(Long.class).single();
        String name = "外县工作专班（导出范围测试）";
        taskForces.form(name, region, department, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 10), null, null,
                null, "test");

        List<List<String>> rows = LedgerSheets.rows(download("zhiqianban").getResponse().getContentAsByteArray());
        assertThat(rows).hasSize(taskForces.list("430981").size() + 1);
        assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo(name));
        assertThat(mvc.perform(get("/taskforces").with(logins.as("zhiqianban"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(name);
    }

    @Test
    void anOfficerWhoMayNotSeeCasesGetsNoLedger() throws Exception {
        assertThat(download("yinhang").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/taskforces").with(logins.as("yinhang"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
