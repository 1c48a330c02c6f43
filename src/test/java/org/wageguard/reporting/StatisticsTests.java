package org.wageguard.reporting;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.reporting.Statistics.Dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The statistics tables: every cell against a count made here, its drill-down, the totals and the Excel ledger. */
@DemoApplicationTest
class StatisticsTests {

    static final LocalDate FROM = DashboardTests.FROM;
    static final LocalDate TO = DashboardTests.TO;

    @Autowired Statistics statistics;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void departmentBySectorCellsAreTheCountsOfTheRecordsAndAddUpToTheTotal() throws Exception {
        Statistics.Table t = statistics.table("430981", FROM, TO, Dimension.DEPARTMENT, Dimension.SECTOR, Map.of());
        long total = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE registered_on BETWEEN '2021-01-01' AND '2021-06-30'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                """).query(Long.class).single();
        assertThat(t.total().cases()).isEqualTo(total).isPositive();
        assertThat(t.cells().values().stream().mapToLong(c -> c.measures().cases()).sum()).isEqualTo(total);
        assertThat(t.rowTotals().values().stream().mapToLong(Statistics.Measures::cases).sum()).isEqualTo(total);
        long housingConstruction = jdbc.sql("""
                SELECT count(*) FROM case_file c JOIN department d ON d.id = c.department_id
                  LEFT JOIN project p ON p.id = c.project_id
                  JOIN industry_sector s ON s.code = COALESCE(p.industry_code, c.industry_code)
                 WHERE c.registered_on BETWEEN '2021-01-01' AND '2021-06-30' AND c.linked_case_id IS NULL
                   AND c.status NOT IN ('REFUSED','WITHDRAWN') AND d.name = '沅江市住房和城乡建设局'
                   AND COALESCE(s.parent_code, s.code) = 'E'
                """).query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        assertThat(t.cell(String.valueOf(housing), "E").measures().cases()).isEqualTo(housingConstruction).isPositive();

        for (Statistics.Cell cell : t.cells().values()) {
            if (cell.link() == null) {
                continue;
            }
            String page = mvc.perform(get(cell.link()).with(logins.as("zhiqianban"))).andReturn().getResponse()
                    .getContentAsString();
            Matcher m = DashboardTests.COUNT.matcher(page);
            assertThat(m.find()).as(cell.link()).isTrue();
            assertThat(Long.parseLong(m.group(1))).as(cell.link()).isEqualTo(cell.measures().cases());
        }
    }

    /**
     * Issue 23: a case about a project counts in the project's sector, even when the respondent employer is of another
     * (a developer, 房地产业, answering for its building site counts under 建筑业); the cell and its drill-down agree.
     */
    @Test
    @org.springframework.transaction.annotation.Transactional // rolled back: other tests count the demo's cases
    void aCaseAboutAProjectCountsInTheProjectsSectorNotTheRespondents() throws Exception {
        long caseId = jdbc.sql("""
                SELECT c.id FROM case_file c JOIN project p ON p.id = c.project_id
                 WHERE c.registered_on BETWEEN '2021-01-01' AND '2021-06-30' AND c.linked_case_id IS NULL
                   AND c.status NOT IN ('REFUSED','WITHDRAWN') AND p.industry_code IN ('47','48') ORDER BY c.id LIMIT 1
                """).query(Long.class).single();
        Statistics.Table before = statistics.table("430981", FROM, TO, Dimension.SECTOR, Dimension.CHANNEL, Map.of());
        long constructionBefore = before.rowTotals().get("E").cases();
        jdbc.sql("UPDATE case_file SET industry_code = '70' WHERE id = :id").param("id", caseId).update();
        Statistics.Table after = statistics.table("430981", FROM, TO, Dimension.SECTOR, Dimension.CHANNEL, Map.of());
        assertThat(after.rowTotals().get("E").cases()).as("still 建筑业: the project's sector").isEqualTo(constructionBefore);
        assertThat(after.rowTotals().keySet()).doesNotContain("K");
        // and the case list's sector filter, the cell's drill-down, says the same
        String list = mvc.perform(get("/cases?counted=true&from=" + FROM + "&to=" + TO + "&sector=E").with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = DashboardTests.COUNT.matcher(list);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(constructionBefore);
    }

    @Test
    void monthByChannelUsesTheChannelsChineseNamesAndTheMonthsDrillDownKeepsToTheMonth() {
        Statistics.Table t = statistics.table("430981", FROM, TO, Dimension.MONTH, Dimension.CHANNEL,
                Map.of("WALK_IN", "一厅式接访"));
        assertThat(t.columnHeaders()).anySatisfy(h -> assertThat(h.label()).isEqualTo("一厅式接访"));
        assertThat(t.rowHeaders().get(0).key()).isEqualTo("2021-01");
        Statistics.Cell january = t.cell("2021-01", "WALK_IN");
        assertThat(january.link()).contains("channel=WALK_IN", "from=2021-01-01", "to=2021-01-31");
        Statistics.Table towns = statistics.table("430981", FROM, TO, Dimension.REGION, Dimension.SECTOR, Map.of());
        assertThat(towns.cells().values()).allSatisfy(c -> assertThat(c.link()).as("the case list has no town filter").isNull());
        assertThat(towns.total().cases()).isEqualTo(t.total().cases());
    }

    @Test
    void theTableIsAnExcelLedgerAndABadChoiceIsRefused() throws Exception {
        Statistics.Table t = statistics.table("430981", FROM, TO, Dimension.DEPARTMENT, Dimension.SECTOR, Map.of());
        byte[] xlsx = mvc.perform(get("/reports/statistics.xlsx?from=2021-01-01&to=2021-06-30&rows=DEPARTMENT&columns=SECTOR")
                .with(logins.as("zhiqianban"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("责任部门");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("案件数");
            assertThat(sheet.getLastRowNum()).isEqualTo(t.cells().size() + 1);
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) last.getCell(2).getNumericCellValue()).isEqualTo(t.total().cases());
        }
        mvc.perform(get("/reports/statistics?rows=SECTOR&columns=SECTOR").with(logins.as("zhiqianban")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/reports/statistics").with(logins.as("yinhang"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/reports/statistics?from=2021-01-01&to=2021-06-30").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"statistics-table\"", "沅江市住房和城乡建设局", "建筑业");
    }
}
