package org.wageguard.employer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The employer pages against the demo city: scopes, the form's checks, optimistic locking, the ledger export. */
@DemoApplicationTest
class EmployerWebTests {

    static final String CONTRACTOR = "91430981MA4L12340E";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long idOf(String creditCode) {
        return jdbc.sql("SELECT id FROM employer WHERE credit_code = :c").param("c", creditCode).query(Long.class).single();
    }

    long department(String name) {
        return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
    }

    List<String> listedCodes(String username) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int page = 1; page < 20; page++) {
            String html = mvc.perform(get("/employers").param("page", String.valueOf(page)).with(logins.as(username)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var m = java.util.regex.Pattern.compile("data-credit-code=\"([0-9A-Z]{18})\"").matcher(html);
            int before = codes.size();
            while (m.find()) {
                codes.add(m.group(1));
            }
            if (codes.size() == before || !html.contains("下一页")) {
                break;
            }
        }
        return codes;
    }

    // ------------------------------------------------------------------ scopes

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({"zhiqianban,/employers,200", "jiancha,/employers,200", "zhujian,/employers,200", "zongbao,/employers,200",
            "wangge,/employers,200", "yinhang,/employers,403", "admin,/employers,403", "shenji,/employers,403",
            "jiancha,/employers/new,200", "zhujian,/employers/new,200", "wangge,/employers/new,200",
            "zongbao,/employers/new,403", "zhiqianban,/employers/new,403", "jiancha,/employers/import,200",
            "zhujian,/employers/import,200", "wangge,/employers/import,403", "zongbao,/employers/import,403",
            "jiancha,/employers/export,200", "yinhang,/employers/export,403"})
    void eachRoleReachesWhatItsPermissionsAllow(String username, String path, int expected) throws Exception {
        mvc.perform(get(path).with(logins.as(username))).andExpect(status().is(expected));
    }

    @Test
    void theCityWideRolesSeeEveryDemoEmployer() throws Exception {
        assertThat(listedCodes("zhiqianban")).hasSizeGreaterThanOrEqualTo(24).contains(CONTRACTOR, "91430981MA4L9X2Y41");
        assertThat(listedCodes("jiancha")).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void theHousingOfficerSeesOnlyTheEmployersOfHousingAndConstruction() throws Exception {
        long housing = department("沅江市住房和城乡建设局");
        List<String> codes = listedCodes("zhujian");
        assertThat(codes).contains(CONTRACTOR, "91430981661693528C").doesNotContain("914309813256781239",
                "91430981MA4L9X2Y41", "92430981MA4L3W7X5N");
        for (String code : codes) {
            assertThat(jdbc.sql("SELECT supervising_department_id FROM employer WHERE credit_code = :c").param("c", code)
                    .query(Long.class).single()).isIn(jdbc.sql("""
                    WITH RECURSIVE t(id) AS (SELECT :d UNION ALL SELECT d.id FROM department d JOIN t ON d.parent_id = t.id)
                    SELECT id FROM t""").param("d", housing).query(Long.class).list());
        }
    }

    @Test
    void theContractorSeesOnlyItsOwnCompanyAndTheGridWorkerOnlyTheGrid() throws Exception {
        assertThat(listedCodes("zongbao")).containsExactly(CONTRACTOR);
        assertThat(listedCodes("wangge")).contains("92430981MA4L3W7X5N", "91430981MA4M8N2P9H")
                .doesNotContain(CONTRACTOR);
    }

    @Test
    void anEmployerOutsideTheScopeDoesNotExistForTheReader() throws Exception {
        long shipyard = idOf("91430981MA4L9X2Y41");
        mvc.perform(get("/employers/" + shipyard).with(logins.as("zhujian"))).andExpect(status().isNotFound());
        mvc.perform(get("/employers/" + shipyard).with(logins.as("zongbao"))).andExpect(status().isNotFound());
        mvc.perform(get("/employers/" + shipyard + "/edit").with(logins.as("zhujian"))).andExpect(status().isNotFound());
        mvc.perform(get("/employers/" + shipyard).with(logins.as("jiancha"))).andExpect(status().isOk());
        mvc.perform(get("/employers/" + idOf(CONTRACTOR)).with(logins.as("zongbao"))).andExpect(status().isOk());
        mvc.perform(get("/employers/999999999").with(logins.as("jiancha"))).andExpect(status().isNotFound());
    }

    @Test
    void theDetailPageShowsHistoryListingsAndMaskedPhone() throws Exception {
        String html = mvc.perform(get("/employers/" + idOf("91430981661693528C")).with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("湖南蓉园房地产开发有限公司", "2,000,000.00", "重点关注名单", "139****0107", "登记欠薪记录")
                .doesNotContain("13907370107");
        String asLeader = mvc.perform(get("/employers/" + idOf("91430981661693528C")).with(logins.as("zhiqianban")))
                .andReturn().getResponse().getContentAsString();
        assertThat(asLeader).doesNotContain("arrears-form");
    }

    // ------------------------------------------------------------------ the form

    @Test
    void aCreditCodeFailingItsCheckIsRefusedWithTheReason() throws Exception {
        String bad = TestEmployers.withWrongCheck(TestEmployers.newCreditCode());
        MvcResult result = mvc.perform(newEmployer(bad, "沅江市测试校验位有限公司").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn();
        BindingResult errors = (BindingResult) result.getModelAndView().getModel()
                .get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(errors.getFieldError("creditCode").getDefaultMessage()).contains("校验位错误").contains("应为");
        assertThat(result.getResponse().getContentAsString()).contains("校验位错误");
        assertThat(jdbc.sql("SELECT count(*) FROM employer WHERE credit_code = :c").param("c", bad)
                .query(Integer.class).single()).isZero();

        MvcResult shortCode = mvc.perform(newEmployer("9143098", "沅江市测试长度有限公司").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn();
        assertThat(shortCode.getResponse().getContentAsString()).contains("应为18位");
    }

    @Test
    void anInspectorRegistersAnEmployerAndItIsLogged() throws Exception {
        String code = TestEmployers.newCreditCode();
        mvc.perform(newEmployer(code, "沅江市测试登记有限公司").with(logins.as("jiancha")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/employers/*"));
        long id = idOf(code);
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EMPLOYER_REGISTER' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT contact_phone_cipher FROM employer WHERE id = :id").param("id", id)
                .query(String.class).single()).doesNotContain("13807379999");
        // The same code again is refused, not duplicated.
        mvc.perform(newEmployer(code, "重复登记").with(logins.as("jiancha"))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM employer WHERE credit_code = :c").param("c", code)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anIndustryOfficerCannotRegisterAnEmployerOutsideTheirDepartment() throws Exception {
        String code = TestEmployers.newCreditCode();
        MvcResult result = mvc.perform(post("/employers/new").with(csrf()).with(logins.as("zhujian"))
                .param("name", "越权登记公司").param("creditCode", code).param("type", "MANUFACTURING")
                .param("industryCode", "18").param("regionCode", "430981")
                .param("supervisingDepartmentId", String.valueOf(department("沅江高新技术产业开发区管理委员会")))
                .param("operatingStatus", "NORMAL")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("行业主管部门须为您所在部门");
    }

    @Test
    void theSecondOfTwoConcurrentEditorsIsToldAndNothingIsOverwritten() throws Exception {
        String code = TestEmployers.newCreditCode();
        mvc.perform(newEmployer(code, "沅江市并发编辑有限公司").with(logins.as("jiancha"))).andExpect(status().is3xxRedirection());
        long id = idOf(code);
        int version = jdbc.sql("SELECT version FROM employer WHERE id = :id").param("id", id).query(Integer.class).single();
        mvc.perform(edit(id, version, "第一位编辑者改的名称").with(logins.as("jiancha"))).andExpect(status().is3xxRedirection());
        String html = mvc.perform(edit(id, version, "第二位编辑者改的名称").with(logins.as("zhujian")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("该记录已被其他人修改");
        assertThat(jdbc.sql("SELECT name FROM employer WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("第一位编辑者改的名称");
    }

    // ------------------------------------------------------------------ the ledger export

    @Test
    void theExportIsTheFilteredLedgerWithChineseHeadersAndMaskedPhones() throws Exception {
        byte[] xlsx = mvc.perform(get("/employers/export").param("type", "MANUFACTURING").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("联系电话");
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(1).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("制造业企业");
                assertThat(sheet.getRow(r).getCell(9).getStringCellValue()).matches("1\\d\\d\\*{4}\\d{4}");
            }
            assertThat(names).contains("沅江市信峰船舶制造有限公司", "湖南光线农业有限公司", "沅江市华鑫纺织服饰有限公司");
        }
    }

    // ------------------------------------------------------------------ helpers

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newEmployer(String code, String name) {
        return post("/employers/new").with(csrf()).param("name", name).param("creditCode", code)
                .param("type", "GENERAL_CONTRACTOR").param("industryCode", "47").param("regionCode", "430981001")
                .param("supervisingDepartmentId", String.valueOf(department("沅江市住房和城乡建设局")))
                .param("address", "沅江市琼湖街道测试路1号").param("legalRepresentative", "测试人")
                .param("contactPerson", "联系人").param("contactPhone", "13807379999").param("operatingStatus", "NORMAL")
                .param("employeeCount", "12");
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit(long id, int version, String name) {
        return post("/employers/" + id + "/edit").with(csrf()).param("name", name).param("creditCode", "ignored")
                .param("type", "GENERAL_CONTRACTOR").param("industryCode", "47").param("regionCode", "430981001")
                .param("supervisingDepartmentId", String.valueOf(department("沅江市住房和城乡建设局")))
                .param("operatingStatus", "NORMAL").param("version", String.valueOf(version));
    }
}
