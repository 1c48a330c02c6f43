package org.wageguard.inspection;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Campaign pages through the web: a labor inspector organises a joint campaign, fills the on-site checklist with a
 * photo, turns a finding into an order (printed) and a case, exports the results; a department that neither leads
 * nor joins the campaign sees none of it.
 */
@DemoApplicationTest
class CampaignPageTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    long project(String code) {
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long employer(String name) {
        return jdbc.sql("SELECT id FROM employer WHERE name = :n").param("n", name).query(Long.class).single();
    }

    /** jiancha organises a campaign led by labor inspection with the housing bureau as member. */
    long campaign(String name, String... projectCodes) throws Exception {
        var request = post("/inspection/campaigns").with(logins.as("jiancha")).with(csrf()).param("name", name)
                .param("kind", "SPECIAL_ACTION").param("from", "2026-06-01").param("to", "2026-08-31")
                .param("leadDepartmentId", String.valueOf(department("沅江市劳动保障监察局")))
                .param("memberIds", String.valueOf(department("沅江市住房和城乡建设局")))
                .param("employerIds", String.valueOf(employer("湖南光线农业有限公司")));
        for (String code : projectCodes) {
            request.param("projectIds", String.valueOf(project(code)));
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/inspection/campaigns/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long target(long campaign, String projectCode) {
        return jdbc.sql("SELECT id FROM campaign_target WHERE campaign_id = :c AND project_id = :p").param("c", campaign)
                .param("p", project(projectCode)).query(Long.class).single();
    }

    List<Long> projectItems() {
        return jdbc.sql("""
                SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id
                 WHERE t.target_kind = 'PROJECT' AND i.enabled ORDER BY i.sort_order
                """).query(Long.class).list();
    }

    long item(String code) {
        return jdbc.sql("SELECT i.id FROM checklist_item i JOIN checklist_template t ON t.id = i.template_id WHERE t.target_kind = 'PROJECT' AND i.code = :c")
                .param("c", code).query(Long.class).single();
    }

    /** The checklist with the board not compliant, everything else compliant. */
    MockMultipartHttpServletRequestBuilder checklist(long target, String user, String... inspectors) {
        return checklist(target, user, -1, inspectors);
    }

    MockMultipartHttpServletRequestBuilder checklist(long target, String user, long unanswered, String... inspectors) {
        MockMultipartHttpServletRequestBuilder request = multipart("/inspection/targets/" + target + "/inspect");
        request.param("inspectedOn", "2026-06-15");
        for (String name : inspectors) {
            request.param("inspector", name);
        }
        long board = item("NOTICE_BOARD");
        for (long id : projectItems()) {
            if (id != unanswered) request.param("answer_" + id, id == board ? "NO" : "YES");
        }
        request.param("note_" + board, "现场未设置维权信息告示牌");
        request.with(logins.as(user)).with(csrf());
        return request;
    }

    @Test
    void anInspectorOrganisesACampaignFillsTheChecklistAndTurnsTheFindingIntoAnOrderAndACase() throws Exception {
        mvc.perform(get("/inspection/campaigns/new").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("YJ-2021-010 沅江市胭脂湖公园景观提质工程")))
                .andExpect(content().string(containsString("湖南光线农业有限公司")))
                .andExpect(content().string(containsString("回头看")))
                .andExpect(content().string(containsString("沅江市住房和城乡建设局")));
        mvc.perform(get("/inspection/campaigns/new").with(logins.as("zhujian"))).andExpect(status().isForbidden());
        long campaign = campaign("夏季检查（页面测试）", "YJ-2021-010", "YJ-2021-013");
        mvc.perform(get("/inspection/campaigns").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("夏季检查（页面测试）")));
        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("0/3")))
                .andExpect(content().string(containsString("沅江市胭脂湖公园景观提质工程")))
                .andExpect(content().string(containsString("湖南光线农业有限公司")));
        long target = target(campaign, "YJ-2021-010");
        mvc.perform(get("/inspection/targets/" + target + "/inspect").with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("是否设置维权信息告示牌？")))
                .andExpect(content().string(containsString("现场告示牌（照片）")));

        // one inspector: refused, nothing stored, the answers kept on the form
        mvc.perform(checklist(target, "jiancha", "黄国平")).andExpect(status().isOk())
                .andExpect(content().string(containsString("现场检查至少需要两名检查人员")))
                .andExpect(content().string(containsString("现场未设置维权信息告示牌")));
        // an item left unanswered: refused
        mvc.perform(checklist(target, "jiancha", item("LABOR_CONTRACT"), "黄国平", "刘志")).andExpect(status().isOk()).andExpect(content().string(containsString("尚未回答")));
        // a photo that is not a photo: refused
        mvc.perform(checklist(target, "jiancha", "黄国平", "刘志").file(new MockMultipartFile("photo_" + item("NOTICE_BOARD"),
                "board.jpg", "image/jpeg", "<html>not a photo</html>".getBytes()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("照片只接受 JPEG 或 PNG")));
        assertThat(jdbc.sql("SELECT count(*) FROM inspection WHERE target_id = :t").param("t", target).query(Integer.class).single())
                .isZero();

        String location = mvc.perform(checklist(target, "jiancha", "黄国平", "刘志").file(new MockMultipartFile(
                        "photo_" + item("NOTICE_BOARD"), "board.png", "image/png", PNG)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long inspection = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long finding = jdbc.sql("SELECT id FROM inspection_finding WHERE inspection_id = :i").param("i", inspection)
                .query(Long.class).single();
        long photo = jdbc.sql("SELECT ph.id FROM inspection_photo ph JOIN inspection_answer a ON a.id = ph.answer_id WHERE a.inspection_id = :i")
                .param("i", inspection).query(Long.class).single();
        mvc.perform(get(location).with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("是否设置维权信息告示牌——现场未设置维权信息告示牌")))
                .andExpect(content().string(containsString("/inspection/photos/" + photo)))
                .andExpect(content().string(containsString("湖南沅江建工集团有限公司")));
        mvc.perform(get("/inspection/photos/" + photo).with(logins.as("jiancha"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));

        // the project's compliance item now shows missing, with the inspection as the reason
        assertThat(jdbc.sql("""
                SELECT status || ' ' || status_reason FROM compliance_item WHERE project_id = :p AND kind = 'NOTICE_BOARD'
                """).param("p", project("YJ-2021-010")).query(String.class).single())
                .startsWith("MISSING 现场检查（2026-06-15，夏季检查（页面测试） 检查记录" + inspection + "）发现不符合");

        mvc.perform(post("/inspection/findings/" + finding + "/order").with(logins.as("jiancha")).with(csrf())
                .param("responsibleParty", "湖南沅江建工集团有限公司").param("deadline", "2099-07-01"))
                .andExpect(status().is3xxRedirection());
        long order = jdbc.sql("SELECT id FROM rectification_order WHERE finding_id = :f").param("f", finding).query(Long.class).single();
        String number = jdbc.sql("SELECT number FROM rectification_order WHERE id = :id").param("id", order).query(String.class).single();
        byte[] pdf = mvc.perform(get("/inspection/rectifications/" + order + "/notice.pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf);
        assertThat(text).contains("整改通知书").contains(number).contains("湖南沅江建工集团有限公司")
                .contains("现场未设置维权信息告示牌").contains("2099-07-01").contains("沅江市劳动保障监察局")
                .contains("沅江市胭脂湖公园景观提质工程");

        mvc.perform(post("/inspection/findings/" + finding + "/case").with(logins.as("jiancha")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Long caseId = jdbc.sql("SELECT case_id FROM inspection_finding WHERE id = :f").param("f", finding).query(Long.class).single();
        assertThat(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("INSPECTION");

        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("jiancha")))
                .andExpect(content().string(containsString("1/3")))
                .andExpect(content().string(containsString("是否设置维权信息告示牌？")));

        // the results re-read from the workbook
        byte[] xlsx = mvc.perform(get("/inspection/campaigns/" + campaign + "/results.xlsx").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(Campaigns.EXPORT_HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row found = null;
            for (Row row : sheet) {
                if ("沅江市胭脂湖公园景观提质工程".equals(row.getCell(1).getStringCellValue())) {
                    found = row;
                }
            }
            assertThat(found).isNotNull();
            assertThat(found.getCell(3).getStringCellValue()).isEqualTo("2026-06-15");
            assertThat(found.getCell(4).getStringCellValue()).isEqualTo("黄国平、刘志");
            assertThat(found.getCell(6).getStringCellValue()).isEqualTo("是否设置维权信息告示牌——现场未设置维权信息告示牌");
            assertThat(found.getCell(7).getStringCellValue()).isEqualTo(number);
            assertThat(found.getCell(10).getStringCellValue()).isEqualTo("整改中");
            assertThat(found.getCell(12).getStringCellValue()).isEqualTo(jdbc.sql("SELECT number FROM case_file WHERE id = :id")
                    .param("id", caseId).query(String.class).single());
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("notice", ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        Files.delete(file);
        return text.replaceAll("\\s+", "");
    }

    @Test
    void aDepartmentNeitherLeadingNorJoiningTheCampaignCannotSeeOrActOnIt() throws Exception {
        long campaign = campaign("联合检查（范围测试）", "YJ-2021-015");
        long target = target(campaign, "YJ-2021-015");
        mvc.perform(checklist(target, "zhujian", "李卫东", "王强")).andExpect(status().is3xxRedirection());
        long finding = jdbc.sql("""
                SELECT f.id FROM inspection_finding f JOIN inspection i ON i.id = f.inspection_id WHERE i.target_id = :t
                """).param("t", target).query(Long.class).single();

        // the member department (housing) and the region's leadership office see it
        mvc.perform(get("/inspection/campaigns").with(logins.as("zhujian")))
                .andExpect(content().string(containsString("联合检查（范围测试）")));
        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("zhiqianban"))).andExpect(status().isOk());

        // transport neither leads nor joins
        mvc.perform(get("/inspection/campaigns").with(logins.as("jiaotong"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("联合检查（范围测试）"))));
        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspection/campaigns/" + campaign + "/results.xlsx").with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspection/targets/" + target + "/inspect").with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(checklist(target, "jiaotong", "彭长青", "王强")).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/findings/" + finding + "/order").with(logins.as("jiaotong")).with(csrf())
                .param("responsibleParty", "某单位").param("deadline", "2099-01-01")).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/findings/" + finding + "/case").with(logins.as("jiaotong")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM inspection WHERE target_id = :t").param("t", target).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_order WHERE finding_id = :f").param("f", finding)
                .query(Integer.class).single()).isZero();

        // without the permission at all
        mvc.perform(get("/inspection/campaigns").with(logins.as("zongbao"))).andExpect(status().isForbidden());
        mvc.perform(post("/inspection/campaigns").with(logins.as("zhujian")).with(csrf()).param("name", "x")
                .param("kind", "SPECIAL_ACTION").param("leadDepartmentId", "1")).andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorEditsTheChecklistTemplates() throws Exception {
        mvc.perform(get("/inspection/templates").with(logins.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("是否设置维权信息告示牌？")))
                .andExpect(content().string(containsString("工作时间是否符合规定？")));
        mvc.perform(get("/inspection/templates").with(logins.as("jiancha"))).andExpect(status().isForbidden());
        long employerTemplate = jdbc.sql("SELECT id FROM checklist_template WHERE target_kind = 'EMPLOYER'").query(Long.class).single();
        mvc.perform(post("/inspection/templates/" + employerTemplate + "/items").with(logins.as("admin")).with(csrf())
                .param("question", "是否依法缴纳社会保险？").param("evidence", "社保缴费记录").param("answerType", "TEXT"))
                .andExpect(status().is3xxRedirection());
        long item = jdbc.sql("SELECT id FROM checklist_item WHERE question = '是否依法缴纳社会保险？'").query(Long.class).single();
        mvc.perform(post("/inspection/items/" + item).with(logins.as("admin")).with(csrf()).param("version", "0")
                .param("question", "是否依法为职工缴纳社会保险？").param("evidence", "社保缴费记录、工资表").param("answerType", "YES_NO")
                .param("enabled", "true")).andExpect(status().is3xxRedirection());
        record Edited(String question, String evidence, String answerType, boolean enabled) {
        }
        assertThat(jdbc.sql("SELECT question, evidence, answer_type, enabled FROM checklist_item WHERE id = :id").param("id", item)
                .query(Edited.class).single()).isEqualTo(new Edited("是否依法为职工缴纳社会保险？", "社保缴费记录、工资表", "YES_NO", true));
        mvc.perform(post("/inspection/items/" + item).with(logins.as("jiancha")).with(csrf())
                .param("question", "篡改").param("answerType", "YES_NO")).andExpect(status().isForbidden());

        // the new item is on the next enterprise checklist; disabled, it leaves it
        long campaign = campaign("企业检查（模板测试）");
        long target = jdbc.sql("SELECT id FROM campaign_target WHERE campaign_id = :c AND employer_id IS NOT NULL")
                .param("c", campaign).query(Long.class).single();
        mvc.perform(get("/inspection/targets/" + target + "/inspect").with(logins.as("jiancha")))
                .andExpect(content().string(containsString("是否依法为职工缴纳社会保险？")))
                .andExpect(content().string(containsString("是否保障休息休假？")));
        mvc.perform(post("/inspection/items/" + item).with(logins.as("admin")).with(csrf()).param("version", "1")
                .param("question", "是否依法为职工缴纳社会保险？").param("answerType", "YES_NO"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspection/targets/" + target + "/inspect").with(logins.as("jiancha")))
                .andExpect(content().string(not(containsString("是否依法为职工缴纳社会保险？"))));
    }

    @Test
    void theCampaignFormRefusesABlankNameAReversedPeriodAndNoTargets() throws Exception {
        String lead = String.valueOf(department("沅江市劳动保障监察局"));
        String project = String.valueOf(project("YJ-2021-016"));
        mvc.perform(post("/inspection/campaigns").with(logins.as("jiancha")).with(csrf()).param("name", " ")
                        .param("kind", "FOLLOW_UP").param("from", "2026-06-01").param("to", "2026-06-30")
                        .param("leadDepartmentId", lead).param("projectIds", project))
                .andExpect(redirectedUrl("/inspection/campaigns/new")).andExpect(flash().attribute("error", "请填写行动名称"));
        mvc.perform(post("/inspection/campaigns").with(logins.as("jiancha")).with(csrf()).param("name", "倒置期间")
                        .param("kind", "FOLLOW_UP").param("from", "2026-06-30").param("to", "2026-06-01")
                        .param("leadDepartmentId", lead).param("projectIds", project))
                .andExpect(flash().attribute("error", "检查行动的结束日期不能早于开始日期"));
        mvc.perform(post("/inspection/campaigns").with(logins.as("jiancha")).with(csrf()).param("name", "没有对象")
                        .param("kind", "FOLLOW_UP").param("from", "2026-06-01").param("to", "2026-06-30")
                        .param("leadDepartmentId", lead))
                .andExpect(flash().attribute("error", "请至少选择一个检查对象"));
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_campaign WHERE name IN ('倒置期间', '没有对象')").query(Integer.class).single())
                .isZero();
    }

    @Test
    void targetsCanBeAllProjectsOfADepartmentAndAllEnterprisesOfASector() throws Exception {
        long transport = department("沅江市交通运输局");
        String location = mvc.perform(post("/inspection/campaigns").with(logins.as("jiancha")).with(csrf())
                .param("name", "交通工程与制造业专项检查").param("kind", "SPECIAL_ACTION").param("from", "2026-12-01")
                .param("to", "2026-12-31").param("leadDepartmentId", String.valueOf(department("沅江市劳动保障监察局")))
                .param("memberIds", String.valueOf(transport)).param("allProjects", "true")
                .param("allProjectsDepartmentId", String.valueOf(transport)).param("allEnterprises", "true")
                .param("allEnterprisesSector", "C")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        long campaign = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        List<String> projects = jdbc.sql("""
                SELECT p.code FROM campaign_target t JOIN project p ON p.id = t.project_id WHERE t.campaign_id = :c ORDER BY 1
                """).param("c", campaign).query(String.class).list();
        List<String> expected = jdbc.sql("""
                SELECT code FROM project WHERE department_id = :d AND status = 'UNDER_CONSTRUCTION' ORDER BY 1
                """).param("d", transport).query(String.class).list();
        assertThat(projects).isEqualTo(expected).isNotEmpty();
        List<String> sectors = jdbc.sql("""
                SELECT e.industry_code FROM campaign_target t JOIN employer e ON e.id = t.employer_id WHERE t.campaign_id = :c
                """).param("c", campaign).query(String.class).list();
        assertThat(sectors).isNotEmpty().allSatisfy(code -> assertThat(Integer.parseInt(code)).isBetween(13, 43));
    }

    @Test
    void aRunningCampaignTakesMoreTargetsOnceEachAndANewMemberDepartment() throws Exception {
        long campaign = campaign("再排查补充对象", "YJ-2021-001");
        long transport = department("沅江市交通运输局");
        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(post("/inspection/campaigns/" + campaign + "/members").param("departmentId", String.valueOf(transport))
                .with(logins.as("jiancha")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("jiaotong"))).andExpect(status().isOk());
        mvc.perform(post("/inspection/campaigns/" + campaign + "/targets").param("projectIds", String.valueOf(project("YJ-2021-001")))
                .param("projectIds", String.valueOf(project("YJ-2021-003"))).with(logins.as("jiancha")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<String> codes = jdbc.sql("""
                SELECT p.code FROM campaign_target t JOIN project p ON p.id = t.project_id WHERE t.campaign_id = :c ORDER BY 1
                """).param("c", campaign).query(String.class).list();
        assertThat(codes).containsExactly("YJ-2021-001", "YJ-2021-003");
        mvc.perform(post("/inspection/campaigns/" + campaign + "/targets").param("projectIds", "1")
                .with(logins.as("zhujian")).with(csrf())).andExpect(status().isForbidden());
    }
}
