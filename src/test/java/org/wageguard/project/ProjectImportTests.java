package org.wageguard.project;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DemoApplicationTest
class ProjectImportTests {

    static final String HEADER = "项目编号,项目名称,区划代码,行业主管部门,建设单位信用代码,总承包单位信用代码,合同价款,合同签订日期,劳资专管员,状态\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    String creditCode(String name) {
        return jdbc.sql("SELECT credit_code FROM employer WHERE name = :n").param("n", name).query(String.class).single();
    }

    String row(String code, String name, String department, String value, String date) {
        return code + "," + name + ",430981," + department + "," + creditCode("沅江市城市建设投资开发有限公司") + ","
                + creditCode("湖南华盛建设工程有限公司") + "," + value + "," + date + ",王五,在建\n";
    }

    org.springframework.test.web.servlet.ResultActions upload(String csv, boolean goodRowsOnly, MockHttpSession session)
            throws Exception {
        return mvc.perform(multipart("/projects/import")
                .file(new MockMultipartFile("file", "projects.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("goodRowsOnly", String.valueOf(goodRowsOnly)).session(session)
                .with(logins.as("zhujian")).with(csrf()));
    }

    long count(String prefix) {
        return jdbc.sql("SELECT count(*) FROM project WHERE code LIKE :p").param("p", prefix + "%").query(Long.class).single();
    }

    @Test
    void aGoodFileWithChineseHeadersImportsAndReimportingChangesNothing() throws Exception {
        String csv = "\uFEFF" + HEADER + row("IMP-A-001", "导入测试一号楼", "沅江市住房和城乡建设局", "8800000.50", "2026-10-01")
                + row("IMP-A-002", "导入测试二号楼", "沅江市住房和城乡建设局", "5600000", "2026-10-02");
        upload(csv, false, new MockHttpSession()).andExpect(status().isOk())
                .andExpect(content().string(containsString("新增 2 个项目")));
        assertThat(count("IMP-A-")).isEqualTo(2);
        upload(csv, false, new MockHttpSession()).andExpect(content().string(containsString("更新 2 个项目")));
        assertThat(count("IMP-A-")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT contract_value FROM project WHERE code = 'IMP-A-001'").query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("8800000.50");
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_item i JOIN project p ON p.id = i.project_id WHERE p.code = 'IMP-A-001'")
                .query(Long.class).single()).isEqualTo(6);
    }

    /** Issue 23: the project's own sector comes with the file, by code or name; a row without it keeps the sector. */
    @Test
    void theProjectsSectorComesWithTheFileByCodeOrNameAndAnotherSectorIsRefused() throws Exception {
        String header = HEADER.replace("状态\n", "状态,所属行业\n");
        String base = row("IMP-S-001", "行业导入测试桥", "沅江市住房和城乡建设局", "3000000", "2026-10-01").replace("\n", "");
        upload(header + base + ",13\n", false, new MockHttpSession())
                .andExpect(content().string(containsString("未导入任何数据")))
                .andExpect(content().string(containsString("所属行业应为建筑业的大类代码或名称")));
        assertThat(count("IMP-S-")).isZero();
        upload(header + base + ",土木工程建筑业\n", false, new MockHttpSession())
                .andExpect(content().string(containsString("新增 1 个项目")));
        String sector = "SELECT industry_code FROM project WHERE code = 'IMP-S-001'";
        assertThat(jdbc.sql(sector).query(String.class).single()).isEqualTo("48");
        upload(HEADER + base + "\n", false, new MockHttpSession()).andExpect(content().string(containsString("更新 1 个项目")));
        assertThat(jdbc.sql(sector).query(String.class).single()).as("a file without the column keeps it").isEqualTo("48");
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndEveryProblemComesBackAsAFile() throws Exception {
        String csv = HEADER + row("IMP-B-001", "好的一行", "沅江市住房和城乡建设局", "1000000", "2026-10-01")
                + row("IMP-B-002", "不存在的部门", "沅江市宇宙管理局", "1000000", "2026-10-01")
                + row("IMP-B-003", "日期不对", "沅江市住房和城乡建设局", "1000000", "2026-02-30")
                + row("IMP-B-001", "重复的编号", "沅江市住房和城乡建设局", "1000000", "2026-10-01")
                + row("IMP-B-004", "越权部门", "沅江市交通运输局", "1000000.555", "2026-10-01")
                + "IMP-B-005,坏信用代码,430981,沅江市住房和城乡建设局,91430981MA4L12340X," + creditCode("湖南华盛建设工程有限公司")
                + ",1000000,2026-10-01,王五,在建\n";
        jakarta.servlet.http.Cookie session = upload(csv, false, new MockHttpSession())
                .andExpect(content().string(containsString("未导入任何数据")))
                .andExpect(content().string(containsString("没有这个行业主管部门")))
                .andExpect(content().string(containsString("项目编号在文件中重复")))
                .andExpect(content().string(containsString("只能导入本部门主管的项目")))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(count("IMP-B-")).isZero();

        byte[] report = mvc.perform(get("/projects/import/problems.xlsx").cookie(session).with(logins.as("zhujian")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            var sheet = wb.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("行号").contains("原因").contains("日期应为 YYYY-MM-DD").contains("校验");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(6);
        }

        upload(csv, true, new MockHttpSession()).andExpect(content().string(containsString("新增 1 个项目")));
        assertThat(count("IMP-B-")).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedWithOneClearMessage() throws Exception {
        mvc.perform(multipart("/projects/import")
                        .file(new MockMultipartFile("file", "projects.xlsx", "application/octet-stream",
                                new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
                        .with(logins.as("zhujian")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("文件无法读取")));
    }

    @Test
    void theTemplateDownloadsAsAWorkbookTheImportAcceptsBack() throws Exception {
        byte[] xlsx = mvc.perform(get("/projects/import/template.xlsx").with(logins.as("zhujian")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("项目编号");
        }
        mvc.perform(multipart("/projects/import").file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", xlsx))
                        .with(logins.as("zhujian")).with(csrf()))
                .andExpect(content().string(containsString("新增 0 个项目")));
    }
}
