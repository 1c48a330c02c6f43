package org.wageguard.inspection;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rectification list and the second look through the web, with permissions. */
@DemoApplicationTest
class RectificationPageTests {

    @Autowired org.wageguard.inspection.Campaigns campaigns;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired Inspections inspections;

    long order() {
        long department = jdbc.sql("SELECT id FROM department ORDER BY id LIMIT 1").query(Long.class).single();
        long campaign = inspections.createCampaign("页面测试行动", Inspections.CampaignKind.SPECIAL_ACTION,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31), department, List.of(department), null);
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-006'").query(Long.class).single();
        long target = inspections.addProjectTarget(campaign, project);
        long board = jdbc.sql("SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.code = 'NOTICE_BOARD'")
                .query(Long.class).single();
        long inspection = inspections.inspect(target, LocalDate.of(2026, 6, 10), "张三 李四",
                List.of(new Inspections.Answer(board, false, "告示牌缺少投诉电话")), null);
        long finding = jdbc.sql("SELECT id FROM inspection_finding WHERE inspection_id = :i").param("i", inspection).query(Long.class).single();
        return inspections.order(finding, "湖南沅江建工集团", 10);
    }

    @Test
    void theInspectorSeesTheOrderAndClosesItByTheSecondLook() throws Exception {
        long id = order();
        mvc.perform(get("/inspection/rectifications").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("告示牌缺少投诉电话")))
                .andExpect(content().string(containsString("/inspection/rectifications/" + id + "/check")));
        mvc.perform(post("/inspection/rectifications/" + id + "/check").with(logins.as("jiancha")).with(csrf())
                .param("version", "0").param("fixed", "true").param("note", "已补充投诉电话")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "回头看已记录：整改完成，整改通知销号"));
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("RECTIFIED");
    }

    /** Issue 17: two inspectors open the list; the first records "not yet fixed", the second's stale "fixed" is refused. */
    @Test
    void aSecondLookFromAStalePageIsRefusedAndTheFirstStands() throws Exception {
        long id = order();
        String page = mvc.perform(get("/inspection/rectifications").with(logins.as("jiancha"))).andReturn().getResponse()
                .getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rectifications/" + id
                + "/check\"[^>]*>(?:<input type=\"hidden\" name=\"_csrf\"[^>]*>)?\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"")
                .matcher(page);
        assertThat(m.find()).as("the second-look form carries the order's version").isTrue();
        String seen = m.group(1);
        mvc.perform(post("/inspection/rectifications/" + id + "/check").with(logins.as("jiancha")).with(csrf())
                .param("version", seen).param("fixed", "false").param("note", "尚未整改")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/inspection/rectifications/" + id + "/check").with(logins.as("jiancha")).with(csrf())
                .header("Referer", "http://localhost/inspection/rectifications")
                .param("version", seen).param("fixed", "true").param("note", "已整改"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("该记录已被其他人修改")));
        assertThat(jdbc.sql("SELECT status || '/' || check_note FROM rectification_order WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("OPEN/尚未整改");
    }

    @Test
    void officersWithoutThePermissionAreRefused() throws Exception {
        long id = order();
        mvc.perform(get("/inspection/rectifications").with(logins.as("zongbao"))).andExpect(status().isForbidden());
        mvc.perform(post("/inspection/rectifications/" + id + "/check").with(logins.as("zhiqianban")).with(csrf())
                .param("fixed", "true")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void anIndustryOfficerOfAnotherDepartmentNeitherSeesNorChecksTheOrder() throws Exception {
        long id = order();
        String department = jdbc.sql("""
                SELECT d.name FROM project p JOIN department d ON d.id = p.department_id WHERE p.code = 'YJ-2021-006'
                """).query(String.class).single();
        assertThat(department).isEqualTo("沅江高新技术产业开发区管理委员会");
        mvc.perform(get("/inspection/rectifications").with(logins.as("jiancha")))
                .andExpect(content().string(containsString("/inspection/rectifications/" + id + "/check")));
        String housing = mvc.perform(get("/inspection/rectifications").with(logins.as("zhujian"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(housing).doesNotContain("/inspection/rectifications/" + id + "/check");
        String transport = mvc.perform(get("/inspection/rectifications").with(logins.as("jiaotong"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(transport).doesNotContain("/inspection/rectifications/" + id + "/check");
        mvc.perform(post("/inspection/rectifications/" + id + "/check").with(logins.as("jiaotong")).with(csrf())
                .param("fixed", "true")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void anOverdueOrderIsOfferedAsACaseAndPrintedAsANotice() throws Exception {
        long department = jdbc.sql("SELECT id FROM department WHERE name = '沅江市劳动保障监察局'").query(Long.class).single();
        long campaign = inspections.createCampaign("逾期测试行动", Inspections.CampaignKind.SPECIAL_ACTION,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), department, List.of(), null);
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-017'").query(Long.class).single();
        long target = inspections.addProjectTarget(campaign, project);
        long contract = jdbc.sql("SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.code = 'LABOR_CONTRACT'")
                .query(Long.class).single();
        long inspection = inspections.inspect(target, LocalDate.of(2026, 1, 5), "张三、李四",
                List.of(new Inspections.Answer(contract, false, "8名农民工未签订劳动合同")), null);
        long finding = jdbc.sql("SELECT id FROM inspection_finding WHERE inspection_id = :i").param("i", inspection).query(Long.class).single();
        long id = inspections.order(finding, "湖南华盛建设工程有限公司", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20));

        String page = mvc.perform(get("/inspection/rectifications").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/inspection/rectifications/" + id + "/escalate").contains("/inspection/rectifications/" + id + "/notice.pdf");
        String text = CampaignPageTests.pdfText(mvc.perform(get("/inspection/rectifications/" + id + "/notice.pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text).contains("整改通知书").contains("湖南华盛建设工程有限公司：").contains("8名农民工未签订劳动合同")
                .contains("2026-01-20").contains("逾期测试行动");
        mvc.perform(post("/inspection/rectifications/" + id + "/escalate").with(logins.as("jiaotong")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection/rectifications/" + id + "/notice.pdf").with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/rectifications/" + id + "/escalate").with(logins.as("jiancha")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "整改逾期未完成，已升级并通过案件受理转为案件"));
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ESCALATED");
        assertThat(jdbc.sql("SELECT c.channel FROM case_file c JOIN inspection_finding f ON f.case_id = c.id WHERE f.id = :f")
                .param("f", finding).query(String.class).single()).isEqualTo("INSPECTION");
    }

    @Test
    void theRectificationListIsAnExcelLedgerWithinTheOfficersScope() throws Exception {
        long id = order();
        String number = jdbc.sql("SELECT number FROM rectification_order WHERE id = :id").param("id", id).query(String.class).single();
        byte[] xlsx = mvc.perform(get("/inspection/rectifications.xlsx").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        int expected = inspections.rectifications(campaigns.viewer(logins.principal("jiancha")), logins.principal("jiancha").scope()).size();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("整改通知书编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0).getStringCellValue().equals(number)) {
                    assertThat(row.getCell(2).getStringCellValue()).contains("告示牌缺少投诉电话");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/inspection/rectifications.xlsx").with(logins.as("yinhang"))).andExpect(status().isForbidden());
    }
}
