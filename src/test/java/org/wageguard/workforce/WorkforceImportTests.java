package org.wageguard.workforce;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Roster and attendance imports through the web: all-or-nothing, re-import, headers, XLSX, invalid IDs, versions. */
@DemoApplicationTest
class WorkforceImportTests {

    static final String ROSTER_CN = "项目编号,身份证号,姓名,手机号,工资卡号,开户行,班组,是否签订劳动合同,进场日期,退场日期\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    ResultActions upload(String kind, String name, byte[] content, boolean goodRowsOnly, String user,
            MockHttpSession session) throws Exception {
        return mvc.perform(multipart("/workforce/imports/" + kind)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param("goodRowsOnly", String.valueOf(goodRowsOnly)).session(session)
                .with(logins.as(user)).with(csrf()));
    }

    ResultActions upload(String kind, String csv, String user) throws Exception {
        return upload(kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), false, user, new MockHttpSession());
    }

    long projectId(String code) {
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long current(String table, String code) {
        return jdbc.sql("SELECT count(*) FROM " + table + " t JOIN project p ON p.id = t.project_id WHERE p.code = :c AND t.current")
                .param("c", code).query(Long.class).single();
    }

    @Test
    void aRosterWithChineseHeadersImportsFlagsAnInvalidIdAndReimportingChangesNothing() throws Exception {
        String invalid = TestIds.invalid("43098119850101551");
        String lowerX = TestIds.valid("43098119900101001");
        String csv = "\uFEFF" + ROSTER_CN
                + "YJ-2021-010," + TestIds.valid("43098119800315451") + ",张建国,13907371234,6228 4800 1001 2345 678,中国农业银行,钢筋班,Y,2026-03-20,\n"
                + "YJ-2021-010," + invalid + ",李有才,,6228480010012345679,,木工班,N,2026-04-01,\n"
                + "YJ-2021-010," + lowerX.toLowerCase() + ",王秀英,,6228480010012345680,,泥工班,是,2026-04-01,2026-10-31\n";
        upload("roster", csv, "zongbao").andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("写入 3 行")));
        assertThat(current("employment", "YJ-2021-010")).isEqualTo(3);
        // Imported as sent, flagged, not corrected.
        var flagged = jdbc.sql("""
                SELECT w.id_verified, w.id_number_masked, w.id_check FROM worker w JOIN employment e ON e.worker_id = w.id
                 WHERE e.worker_name = '李有才' AND e.current""").query((rs, n) -> new Object[] {rs.getBoolean(1),
                rs.getString(2), rs.getString(3)}).single();
        assertThat(flagged[0]).isEqualTo(false);
        assertThat((String) flagged[1]).isEqualTo(invalid.substring(0, 6) + "********" + invalid.substring(14));
        assertThat((String) flagged[2]).contains("校验");
        // Stored encrypted: no clear ID or card anywhere in the row.
        assertThat(jdbc.sql("SELECT count(*) FROM worker WHERE id_number_cipher LIKE '%4309811985%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM employment WHERE bank_card_cipher LIKE '%6228480010%'").query(Long.class).single()).isZero();

        upload("roster", csv, "zongbao").andExpect(flash().attribute("flash", containsString("内容未变 1 份")));
        assertThat(current("employment", "YJ-2021-010")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM employment e JOIN project p ON p.id = e.project_id WHERE p.code = 'YJ-2021-010'")
                .query(Long.class).single()).isEqualTo(3);

        String page = mvc.perform(get("/workforce/projects/" + projectId("YJ-2021-010")).with(logins.as("zongbao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("张建国").contains("6228 **** **** 5678").contains("身份证号待核实")
                .doesNotContain("6228480010012345678");
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndTheProblemsComeBackAsAWorkbook() throws Exception {
        String good = TestIds.valid("43098119780808123");
        String csv = ROSTER_CN
                + "YJ-2021-001," + good + ",赵四,,6217000010000000001,,,Y,2026-05-01,\n"
                + "YJ-9999-999," + good + ",不存在的项目,,6217000010000000002,,,Y,2026-05-01,\n"
                + "YJ-2021-002," + good + ",越权项目,,6217000010000000003,,,Y,2026-05-01,\n"
                + "YJ-2021-001," + TestIds.valid("43098119780808124") + ",坏日期,,6217000010000000004,,,Y,2026-02-30,\n"
                + "YJ-2021-001," + TestIds.valid("43098119780808125") + ",,,6217000010000000005,,,Y,2026-05-01,\n"
                + "YJ-2021-001," + TestIds.valid("43098119780808126") + ",坏标志,,6217000010000000006,,,也许,2026-05-01,\n";
        MockHttpSession session = new MockHttpSession();
        long before = current("employment", "YJ-2021-001");
        // Sessions live in the database (Spring Session): the problems are found again by the SESSION cookie.
        jakarta.servlet.http.Cookie cookie = upload("roster", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), false,
                "zongbao", session).andExpect(flash().attribute("error", containsString("未导入任何数据")))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(current("employment", "YJ-2021-001")).isEqualTo(before);

        byte[] report = mvc.perform(get("/workforce/imports/problems.xlsx").cookie(cookie).with(logins.as("zongbao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            StringBuilder all = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("行号").contains("没有这个项目编号").contains("不在您的管理范围内")
                    .contains("日期应为 YYYY-MM-DD").contains("姓名不能为空").contains("应填 Y 或 N");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void attendanceFromAnXlsxWithEnglishHeadersAndAGoodRowsOnlyImport() throws Exception {
        String id = TestIds.valid("43098119881111222");
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("attendance");
            String[][] rows = {{"project_code", "worker_id_number", "date", "hours"},
                    {"YJ-2021-010", id, "2026-09-01", "8"}, {"YJ-2021-010", id, "2026-09-02", "9.5"},
                    {"YJ-2021-010", id, "2026-09-02", "10"}, {"YJ-2021-010", id, "2026-09-31", "8"},
                    {"YJ-2021-010", id, "2026-09-03", "30"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        upload("attendance", "attendance.xlsx", xlsx, true, "zongbao", new MockHttpSession())
                .andExpect(flash().attribute("flash", containsString("写入 2 行")))
                .andExpect(flash().attribute("flash", containsString("错误行 2 处")));
        assertThat(jdbc.sql("""
                SELECT hours FROM attendance a JOIN project p ON p.id = a.project_id
                 WHERE p.code = 'YJ-2021-010' AND a.current AND a.work_date = '2026-09-02'""")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("10");
    }

    @Test
    void aCorrectedAttendanceFileReplacesTheMonthAndTheEarlierVersionStaysInTheHistory() throws Exception {
        String a = TestIds.valid("43098119700101333");
        String b = TestIds.valid("43098119700101334");
        String header = "项目编号,身份证号,日期,工时\n";
        String first = header + "YJ-2021-005," + a + ",2026-08-03,8\nYJ-2021-005," + b + ",2026-08-03,8\n"
                + "YJ-2021-005," + a + ",2026-08-04,8\nYJ-2021-005," + a + ",2026-07-31,8\n";
        upload("attendance", first, "jiancha").andExpect(flash().attribute("flash", containsString("新报送 2 份")));
        String corrected = header + "YJ-2021-005," + a + ",2026-08-03,8\nYJ-2021-005," + a + ",2026-08-05,8\n";
        upload("attendance", corrected, "jiancha").andExpect(flash().attribute("flash", containsString("更正替换 1 份")));

        long project = projectId("YJ-2021-005");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE project_id = :p AND current AND work_date >= '2026-08-01'")
                .param("p", project).query(Long.class).single()).isEqualTo(2);
        // July was not in the corrected file: it stays as it was.
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE project_id = :p AND current AND work_date < '2026-08-01'")
                .param("p", project).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE project_id = :p AND NOT current").param("p", project)
                .query(Long.class).single()).isEqualTo(3);
        var versions = jdbc.sql("""
                SELECT status, replaced_by IS NOT NULL, created_by FROM data_import
                 WHERE project_id = :p AND kind = 'ATTENDANCE' AND month = '2026-08-01' ORDER BY id""")
                .param("p", project).query((rs, n) -> rs.getString(1) + "/" + rs.getBoolean(2) + "/" + rs.getString(3)).list();
        assertThat(versions).containsExactly("SUPERSEDED/true/jiancha", "CURRENT/false/jiancha");
        mvc.perform(get("/workforce/projects/" + project).with(logins.as("jiancha")))
                .andExpect(content().string(containsString("已被更正替换")))
                .andExpect(content().string(containsString("2026-08")));
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedWithOneMessage() throws Exception {
        upload("roster", "roster.xlsx", new byte[] {'P', 'K', 3, 4, 9, 9}, false, "zongbao", new MockHttpSession())
                .andExpect(flash().attribute("error", containsString("文件无法读取")));
    }
}
