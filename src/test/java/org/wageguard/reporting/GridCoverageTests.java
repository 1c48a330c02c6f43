package org.wageguard.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.Logins;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.InvalidIdentifierException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Coverage per grid: a grid made here with known employers, refreshes and clues shows exactly those figures. */
@DemoApplicationTest
class GridCoverageTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired CaseIntake intake;

    @Test
    void aGridsFiguresAreItsWorkersEmployersRefreshesAndClues() throws Exception {
        String grid = "430981105-" + ThreadLocalRandom.current().nextInt(10, 99);
        jdbc.sql("INSERT INTO grid (code, name, region_code) VALUES (:c, :n, '430981105')").param("c", grid)
                .param("n", "泗湖山镇统计测试网格" + grid).update();
        long fresh = employer(grid, TODAY.minusMonths(1), "NORMAL");
        employer(grid, TODAY.minusMonths(5), "HALTED");
        long stale = employer(grid, TODAY.minusMonths(7), "NORMAL");
        employer(grid, TODAY.minusMonths(9), "CLOSED"); // deregistered: not counted at all
        // Two clues on the grid channel about its employers this year, one on another channel, one long ago.
        clue(Channel.GRID, fresh, TODAY);
        clue(Channel.GRID, stale, TODAY.withDayOfYear(1));
        clue(Channel.HOTLINE, fresh, TODAY);
        clue(Channel.GRID, fresh, TODAY.minusYears(2));

        String html = mvc.perform(get("/reports/grids").with(logins.as("zhiqianban"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String row = html.substring(html.indexOf("data-grid=\"" + grid + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row.replaceAll("<[^>]+>", "|").replaceAll("\\s+", "").replaceAll("\\|+", "|"))
                .contains("|0|3|2|66.7%|2|");
        assertThat(html).contains("琼湖街道第三网格", "统计口径");

        // The same figures in Excel, with Chinese headers, and a total row.
        byte[] xlsx = mvc.perform(get("/reports/grids.xlsx").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> headers = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("网格编码", "网格名称", "所在乡镇（街道）", "在岗网格员", "登记用人单位", "按期核实",
                    "按期核实率（%）", "报送线索");
            Row mine = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (grid.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    mine = sheet.getRow(r);
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(mine.getCell(5).getNumericCellValue()).isEqualTo(2);
            assertThat(mine.getCell(6).getNumericCellValue()).isEqualTo(66.7);
            assertThat(mine.getCell(7).getNumericCellValue()).isEqualTo(2);
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
            int employers = jdbc.sql("SELECT count(*) FROM employer e JOIN grid g ON g.code = e.grid_code WHERE e.operating_status <> 'CLOSED'")
                    .query(Integer.class).single();
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(employers);
        }
        // wangge's grid has two workers in post (wangge and the second demo worker).
        String third = html.substring(html.indexOf("data-grid=\"430981001-03\""));
        assertThat(third.substring(0, third.indexOf("</tr>")).replaceAll("<[^>]+>", "|").replaceAll("\\s+", "")
                .replaceAll("\\|+", "|")).contains("|琼湖街道|2|");
    }

    @Test
    void onlyTheLeadershipOfficeAndInspectorsSeeTheFigures() throws Exception {
        mvc.perform(get("/reports/grids").with(logins.as("jiancha"))).andExpect(status().isOk());
        mvc.perform(get("/reports/grids").with(logins.as("wangge"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/grids.xlsx").with(logins.as("zhujian"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/grids").param("from", "2026-12-01").param("to", "2026-01-01")
                .with(logins.as("jiancha"))).andExpect(status().isBadRequest());
    }

    long employer(String grid, LocalDate refreshedOn, String status) {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    grid_code, operating_status, registered_on, refreshed_on)
                VALUES (:name, :code, '62', '430981105', 'CATERING', (SELECT min(id) FROM department), :grid, :status,
                    DATE '2020-01-01', :refreshed)
                RETURNING id
                """).param("name", "统计测试单位" + System.nanoTime()).param("code", creditCode()).param("grid", grid)
                .param("status", status).param("refreshed", refreshedOn).query(Long.class).single();
    }

    void clue(Channel channel, long employerId, LocalDate on) {
        intake.register(new Intake(channel, CaseKind.REPORT, null, null, true, employerId, "统计测试单位", null,
                "430981105", null, null, null, "统计测试线索", List.of(), null, on, null, 1, new BigDecimal("1000")));
    }

    static String creditCode() {
        String first17 = "91430981MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            try {
                return CreditCode.of(first17 + c).value();
            } catch (InvalidIdentifierException e) {
                // not this one
            }
        }
        throw new IllegalStateException(first17);
    }
}
