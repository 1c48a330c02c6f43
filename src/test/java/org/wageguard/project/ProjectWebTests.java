package org.wageguard.project;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Projects and their compliance through the web, as each role would use them, on the demo city. */
@DemoApplicationTest
class ProjectWebTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired ComplianceItems compliance;
    @Autowired WageDeposits deposits;
    @Autowired Projects projects;

    long project(String code) {
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
    }

    List<String> statuses(String code) {
        return jdbc.sql("SELECT i.status FROM compliance_item i JOIN project p ON p.id = i.project_id WHERE p.code = :c")
                .param("c", code).query(String.class).list();
    }

    String itemStatus(String code, String kind) {
        return jdbc.sql("SELECT i.status FROM compliance_item i JOIN project p ON p.id = i.project_id WHERE p.code = :c AND i.kind = :k")
                .param("c", code).param("k", kind).query(String.class).single();
    }

    List<String> listedCodes(String username) throws Exception {
        return rowCodes(mvc.perform(get("/compliance").with(logins.as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The project codes of a page's table rows, in their order. */
    static List<String> rowCodes(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-code=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void theDemoCityHasItsSeventeenProjectsWithMixedCompliance() {
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE code LIKE 'YJ-2021-%'").query(Long.class).single()).isEqualTo(17);
        // A few clean projects, as the seed's campaign found; the others with the gaps it names.
        // Clean: every recorded item in place (the deposit lodged as rated on its day, or exempt for three clean years).
        // Real-name management is derived from the roster data the system keeps (issue 16): 007 has none, 001's demo
        // roster has attendance in September and October only, so its last finished month falls short.
        for (String clean : List.of("YJ-2021-001", "YJ-2021-007")) {
            for (ComplianceKind kind : ComplianceKind.values()) {
                if (kind != ComplianceKind.REAL_NAME) {
                    assertThat(itemStatus(clean, kind.name())).as(clean + " " + kind).isIn("PRESENT", "NOT_APPLICABLE");
                }
            }
        }
        assertThat(compliance.item(project("YJ-2021-007"), ComplianceKind.REAL_NAME).orElseThrow().reason())
                .contains("系统中没有该项目的实名制花名册");
        assertThat(itemStatus("YJ-2021-009", "SPECIAL_ACCOUNT")).isEqualTo("MISSING");
        assertThat(itemStatus("YJ-2021-011", "NOTICE_BOARD")).isEqualTo("MISSING");
        assertThat(itemStatus("YJ-2021-013", "REAL_NAME")).isEqualTo("MISSING");
        assertThat(itemStatus("YJ-2021-006", "PAYMENT_GUARANTEE")).isEqualTo("EXPIRED");
        assertThat(itemStatus("YJ-2021-017", "WAGE_DEPOSIT")).isEqualTo("NOT_APPLICABLE");
        assertThat(jdbc.sql("SELECT flagged FROM compliance_item i JOIN project p ON p.id = i.project_id WHERE p.code = 'YJ-2021-004' AND i.kind = 'SPECIAL_ACCOUNT'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_item WHERE status = 'MISSING'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_item WHERE status = 'EXPIRED'").query(Long.class).single()).isPositive();
    }

    @Test
    void eachRoleSeesTheProjectsOfItsScope() throws Exception {
        List<String> all = listedCodes("zhiqianban");
        assertThat(all).hasSizeGreaterThanOrEqualTo(17);
        assertThat(listedCodes("jiancha")).containsAll(all.stream().filter(c -> c.startsWith("YJ-2021")).toList());
        List<String> housing = listedCodes("zhujian");
        assertThat(housing).contains("YJ-2021-001", "YJ-2021-005").doesNotContain("YJ-2021-003", "YJ-2021-007");
        List<String> transport = listedCodes("jiaotong");
        assertThat(transport).containsExactlyInAnyOrder("YJ-2021-003", "YJ-2021-011", "YJ-2021-012");
        assertThat(listedCodes("zongbao")).containsExactlyInAnyOrder("YJ-2021-001", "YJ-2021-004", "YJ-2021-010");
        mvc.perform(get("/projects").with(logins.as("yinhang"))).andExpect(status().isForbidden());
        mvc.perform(get("/projects").with(logins.as("wangge"))).andExpect(status().isForbidden());
    }

    @Test
    void aProjectOutsideTheScopeAnswersNotFound() throws Exception {
        long road = project("YJ-2021-003");
        mvc.perform(get("/projects/" + road).with(logins.as("jiaotong"))).andExpect(status().isOk());
        mvc.perform(get("/projects/" + road).with(logins.as("zhujian"))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + road).with(logins.as("zongbao"))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + road + "/compliance/SPECIAL_ACCOUNT").with(logins.as("zhujian")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/projects/" + road + "/compliance/NOTICE_BOARD").with(logins.as("zhujian")).with(csrf())
                .param("version", "0")).andExpect(status().isNotFound());
    }

    @Test
    void onlyAnIndustryOfficerRegistersProjectsAndOnlyForTheirDepartment() throws Exception {
        long transport = jdbc.sql("SELECT id FROM department WHERE name = '沅江市交通运输局'").query(Long.class).single();
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市交通建设投资有限公司'").query(Long.class).single();
        long gc = jdbc.sql("SELECT id FROM employer WHERE name = '益阳路桥建设有限公司'").query(Long.class).single();
        mvc.perform(post("/projects/new").with(logins.as("zhujian")).with(csrf()).param("code", "YJ-T-0001")
                        .param("name", "越权登记的道路").param("regionCode", "430981").param("departmentId", String.valueOf(transport))
                        .param("ownerId", String.valueOf(owner)).param("generalContractorId", String.valueOf(gc))
                        .param("contractValue", "5000000").param("contractDate", "2026-11-01").param("status", "UNDER_CONSTRUCTION"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只能登记本部门主管的项目")));
        mvc.perform(post("/projects/new").with(logins.as("jiancha")).with(csrf()).param("code", "YJ-T-0002"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/projects/new").with(logins.as("jiaotong")).with(csrf()).param("code", "YJ-T-0003")
                        .param("name", "测试道路").param("regionCode", "430981").param("departmentId", String.valueOf(transport))
                        .param("ownerId", String.valueOf(owner)).param("generalContractorId", String.valueOf(gc))
                        .param("contractValue", "5000000.123").param("contractDate", "2026-11-01").param("status", "UNDER_CONSTRUCTION"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("金额最多两位小数")));
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE code LIKE 'YJ-T-%'").query(Long.class).single()).isZero();
    }

    @Test
    void twoOfficersEditingOneItemAtOnceTheSecondIsToldAndNothingIsOverwritten() throws Exception {
        long id = project("YJ-2021-008");
        int version = compliance.item(id, ComplianceKind.NOTICE_BOARD).orElseThrow().version();
        mvc.perform(post("/projects/" + id + "/compliance/NOTICE_BOARD").with(logins.as("zhujian")).with(csrf())
                        .param("version", String.valueOf(version)).param("establishedOn", "2021-03-28")
                        .param("boardPayDay", "每月15日").param("boardMinimumWage", "1580元/月").param("boardHotline", "12333")
                        .param("boardArbitration", "沅江市劳动人事争议仲裁院").param("boardLegalAid", "沅江市法律援助中心"))
                .andExpect(redirectedUrl("/projects/" + id));
        mvc.perform(post("/projects/" + id + "/compliance/NOTICE_BOARD").with(logins.as("jiancha")).with(csrf())
                        .param("version", String.valueOf(version)).param("establishedOn", "2021-03-28")
                        .param("boardPayDay", "每月20日"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已被其他人修改")));
        ComplianceItems.Item item = compliance.item(id, ComplianceKind.NOTICE_BOARD).orElseThrow();
        assertThat(item.facts().boardPayDay()).isEqualTo("每月15日");
        assertThat(item.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(compliance.history(id)).anyMatch(h -> h.kind() == ComplianceKind.NOTICE_BOARD
                && "MISSING".equals(h.statusFrom()) && "PRESENT".equals(h.statusTo()));
    }

    @Test
    void evidenceIsCheckedByItsContentNotItsName() throws Exception {
        long id = project("YJ-2021-001");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(multipart("/projects/" + id + "/compliance/NOTICE_BOARD/evidence")
                        .file(new MockMultipartFile("file", "告示牌.exe", "application/octet-stream", png))
                        .with(logins.as("zhujian")).with(csrf()))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(multipart("/projects/" + id + "/compliance/NOTICE_BOARD/evidence")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", "<script>alert(1)</script>".getBytes()))
                        .with(logins.as("zhujian")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("按内容识别")));
        long evidence = jdbc.sql("SELECT max(e.id) FROM compliance_evidence e JOIN compliance_item i ON i.id = e.item_id WHERE i.project_id = :p")
                .param("p", id).query(Long.class).single();
        mvc.perform(get("/projects/" + id + "/evidence/" + evidence).with(logins.as("zhujian")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(get("/projects/" + project("YJ-2021-003") + "/evidence/" + evidence).with(logins.as("jiaotong")))
                .andExpect(status().isNotFound());
    }

    @Autowired CaseOrders orders;

    /**
     * 人社部发〔2021〕65号: the deposit is drawn on an order to pay of a case on this project, served and not fulfilled,
     * chosen from the list (never a typed number), after its deadline passed, and not above what the case still owes.
     */
    @Test
    @org.springframework.transaction.annotation.Transactional // rolled back: the demo's cases and deposits stay as other tests read them
    void theDepositIsDrawnOnlyOnTheProjectsOwnUnheededOrderChosenFromTheList() throws Exception {
        // A project whose deposit is lodged in full.
        long id = jdbc.sql("""
                SELECT i.project_id FROM compliance_item i JOIN project p ON p.id = i.project_id
                 WHERE i.kind = 'WAGE_DEPOSIT' AND i.status = 'PRESENT' AND p.code LIKE 'YJ-2021-%'
                   AND p.code NOT IN ('YJ-2021-001', 'YJ-2021-007') ORDER BY p.code LIMIT 1
                """).query(Long.class).single();
        long other = jdbc.sql("SELECT id FROM project WHERE id <> :p ORDER BY id LIMIT 1").param("p", id).query(Long.class).single();
        mvc.perform(get("/projects/" + id + "/deposit").with(logins.as("jiancha")))
                .andExpect(content().string(containsString("id=\"draw-no-orders\"")));
        mvc.perform(post("/projects/" + id + "/deposit/draw").with(logins.as("jiancha")).with(csrf())
                        .param("amount", "10000").param("on", "2021-06-11"))
                .andExpect(flash().attribute("error", containsString("请从列表中选择")));
        long elsewhere = orders.served(other, "10000", LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 10));
        mvc.perform(post("/projects/" + id + "/deposit/draw").with(logins.as("jiancha")).with(csrf())
                        .param("amount", "10000").param("on", "2021-06-11").param("orderId", String.valueOf(elsewhere)))
                .andExpect(flash().attribute("error", containsString("请从列表中选择")));

        long order = orders.served(id, "10000", LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 10));
        String number = jdbc.sql("SELECT number FROM payment_order WHERE id = :o").param("o", order).query(String.class).single();
        mvc.perform(get("/projects/" + id + "/deposit").with(logins.as("jiancha")))
                .andExpect(content().string(containsString("id=\"draw-order\"")))
                .andExpect(content().string(containsString(number + "（案件 ")));
        mvc.perform(post("/projects/" + id + "/deposit/draw").with(logins.as("jiancha")).with(csrf())
                        .param("amount", "10000").param("on", "2021-06-10").param("orderId", String.valueOf(order)))
                .andExpect(flash().attribute("error", containsString("尚未届满")));
        mvc.perform(post("/projects/" + id + "/deposit/draw").with(logins.as("jiancha")).with(csrf())
                        .param("amount", "10000.01").param("on", "2021-06-11").param("orderId", String.valueOf(order)))
                .andExpect(flash().attribute("error", containsString("尚欠的工资")));
        mvc.perform(post("/projects/" + id + "/deposit/draw").with(logins.as("jiancha")).with(csrf())
                        .param("amount", "10000").param("on", "2021-06-11").param("orderId", String.valueOf(order)))
                .andExpect(flash().attributeExists("flash"));
        assertThat(deposits.ledger(id).movements().stream().filter(m -> m.kind() == WageDeposits.MovementKind.DRAW)
                .map(WageDeposits.Movement::reference)).anyMatch(r -> r.startsWith(number + " · "));
        mvc.perform(get("/projects/" + id + "/deposit").with(logins.as("jiancha")))
                // Five working days after Friday 11 June 2021: the Dragon Boat Festival holiday (12–14 June) is skipped.
                .andExpect(content().string(containsString("2021-06-21")))
                .andExpect(content().string(containsString("应于此前补足")));
        assertThat(jdbc.sql("SELECT status FROM compliance_item WHERE project_id = :p AND kind = 'WAGE_DEPOSIT'")
                .param("p", id).query(String.class).single()).isEqualTo("MISSING");
    }

    @Test
    void theMatrixExportsAsTheLedgerAnIndustryDepartmentIsHanded() throws Exception {
        byte[] xlsx = mvc.perform(get("/compliance/export.xlsx").with(logins.as("jiaotong")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目编号");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("实名制管理");
            List<String> codes = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(codes).containsExactlyInAnyOrder("YJ-2021-003", "YJ-2021-011", "YJ-2021-012");
            int noticeBoard = 5 + 2 * ComplianceKind.NOTICE_BOARD.ordinal();
            int row11 = codes.indexOf("YJ-2021-011") + 1;
            assertThat(sheet.getRow(row11).getCell(noticeBoard).getStringCellValue()).isEqualTo("缺失");
            assertThat(sheet.getRow(row11).getCell(noticeBoard + 1).getStringCellValue()).contains("缺当地最低工资标准");
        }
    }

    @Test
    void theLeadershipOfficeSetsDepositParametersWithinTheirLegalBounds() throws Exception {
        mvc.perform(post("/deposit-parameters").with(logins.as("zhiqianban")).with(csrf()).param("regionCode", "430981")
                        .param("effectiveFrom", "2027-01-01").param("baseRatePercent", "3.5").param("multiProjectRatePercent", "0.5")
                        .param("multiProjectThreshold", "2").param("exemptBelow", "1000000").param("cleanTwoYearsFactor", "0.5")
                        .param("arrearsFactor", "1.5").param("blacklistFactor", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1% 至 3%")));
        mvc.perform(post("/deposit-parameters").with(logins.as("zhujian")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void subcontractorsTeamsAndTheLaborCostScheduleAreKeptWithTheProject() throws Exception {
        long id = project("YJ-2021-010");
        long labor = jdbc.sql("SELECT id FROM employer WHERE name = '益阳市鑫旺建筑劳务有限公司'").query(Long.class).single();
        mvc.perform(post("/projects/" + id + "/subcontractors").with(logins.as("zhujian")).with(csrf())
                .param("employerId", String.valueOf(labor)).param("scopeOfWork", "园林绿化劳务")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/projects/" + id + "/teams").with(logins.as("zhujian")).with(csrf())
                .param("name", "绿化班").param("leaderName", "谭志明").param("employerId", String.valueOf(labor)));
        mvc.perform(post("/projects/" + id + "/labor-schedule").with(logins.as("zhujian")).with(csrf())
                .param("month", "2021-05").param("amount", "350000.00"));
        mvc.perform(post("/projects/" + id + "/labor-schedule").with(logins.as("zhujian")).with(csrf())
                .param("month", "2021-13").param("amount", "1")).andExpect(flash().attribute("error", containsString("YYYY-MM")));
        mvc.perform(get("/projects/" + id).with(logins.as("zhujian")))
                .andExpect(content().string(containsString("益阳市鑫旺建筑劳务有限公司")))
                .andExpect(content().string(containsString("绿化班")))
                .andExpect(content().string(containsString("350,000.00")));
        mvc.perform(post("/projects/" + id + "/teams").with(logins.as("jiaotong")).with(csrf()).param("name", "越权班"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM project_team WHERE name = '越权班'").query(Long.class).single()).isZero();
    }

    /**
     * Issue 23: a project's own sector (GB/T 4754-2017, section E 建筑业) is entered on its form and shown on its page,
     * so the statistics need not take the respondent employer's sector; a sector outside construction is refused.
     */
    @Test
    @org.springframework.transaction.annotation.Transactional // rolled back: the demo's project counts stay as other tests read them
    void aProjectsSectorIsEnteredOnItsFormAndKeptWhenAnUpdateSaysNothingOfIt() throws Exception {
        long transport = jdbc.sql("SELECT id FROM department WHERE name = '沅江市交通运输局'").query(Long.class).single();
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市交通建设投资有限公司'").query(Long.class).single();
        long gc = jdbc.sql("SELECT id FROM employer WHERE name = '益阳路桥建设有限公司'").query(Long.class).single();
        String[] fields = {"name", "行业测试道路", "regionCode", "430981", "departmentId", String.valueOf(transport),
                "ownerId", String.valueOf(owner), "generalContractorId", String.valueOf(gc), "contractValue", "5000000",
                "contractDate", "2026-11-01", "status", "UNDER_CONSTRUCTION"};
        var refused = post("/projects/new").with(logins.as("jiaotong")).with(csrf()).param("code", "YJ-S-0001")
                .param("industryCode", "13");
        var accepted = post("/projects/new").with(logins.as("jiaotong")).with(csrf()).param("code", "YJ-S-0001")
                .param("industryCode", "48");
        for (int i = 0; i < fields.length; i += 2) {
            refused.param(fields[i], fields[i + 1]);
            accepted.param(fields[i], fields[i + 1]);
        }
        mvc.perform(refused).andExpect(status().isOk()).andExpect(content().string(containsString("建筑业的大类")));
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE code = 'YJ-S-0001'").query(Long.class).single()).isZero();
        mvc.perform(accepted).andExpect(status().is3xxRedirection());
        long id = project("YJ-S-0001");
        mvc.perform(get("/projects/" + id).with(logins.as("jiaotong")))
                .andExpect(content().string(containsString("48 土木工程建筑业")));
        mvc.perform(get("/projects/" + id + "/edit").with(logins.as("jiaotong")))
                .andExpect(content().string(containsString("<option value=\"48\" selected=\"selected\">")));

        // An update that says nothing of the sector (an import row without the column) keeps it.
        var p = projects.summary(id).orElseThrow();
        projects.update(id, p.version(), new ProjectDraft(p.code(), "行业测试道路（改名）", p.regionCode(), p.departmentId(),
                p.ownerId(), p.generalContractorId(), null, null, null, false, p.contractValue(), null, p.contractDate(),
                null, null, p.status()));
        assertThat(projects.summary(id).orElseThrow().industryCode()).isEqualTo("48");
        assertThat(projects.summary(id).orElseThrow().industryName()).isEqualTo("土木工程建筑业");
    }

    @Test
    void twoOfficersEditingOneProjectTheSecondIsToldAndTheFirstEditStays() throws Exception {
        long id = project("YJ-2021-008");
        var p = jdbc.sql("SELECT department_id, owner_id, general_contractor_id, version FROM project WHERE id = :id")
                .param("id", id).query().singleRow();
        String[] common = {"code", "YJ-2021-008", "regionCode", "430981", "departmentId", p.get("department_id").toString(), "ownerId",
                p.get("owner_id").toString(), "generalContractorId", p.get("general_contractor_id").toString(),
                "contractValue", "43000000", "contractDate", "2021-02-26", "status", "UNDER_CONSTRUCTION",
                "version", p.get("version").toString()};
        // Two officers of the department open the same version of the form; the first saves, the second is told.
        var a = post("/projects/" + id + "/edit").with(logins.as("zhujian")).with(csrf()).param("name", "污水处理厂提标改造（第一人修改）");
        var b = post("/projects/" + id + "/edit").with(logins.as("zhujian")).with(csrf()).param("name", "污水处理厂提标改造（第二人修改）");
        for (int i = 0; i < common.length; i += 2) {
            a.param(common[i], common[i + 1]);
            b.param(common[i], common[i + 1]);
        }
        mvc.perform(a).andExpect(redirectedUrl("/projects/" + id));
        mvc.perform(b).andExpect(status().isOk()).andExpect(content().string(containsString("已被其他人修改")));
        assertThat(jdbc.sql("SELECT name FROM project WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("污水处理厂提标改造（第一人修改）");
    }

    /**
     * Issue 17: the deposit item's amount is the ledger's balance; money lodged while an officer has the item's form
     * open makes that form stale, so saving it cannot write back what the officer saw.
     */
    @Test
    void aDepositLodgedWhileTheItemsFormIsOpenMakesTheFormStale() {
        long id = project("YJ-2021-008");
        ComplianceItems.Item seen = compliance.item(id, ComplianceKind.WAGE_DEPOSIT).orElseThrow();
        deposits.deposit(id, WageDeposits.MovementKind.DEPOSIT, new java.math.BigDecimal("123456.00"),
                java.time.LocalDate.of(2026, 11, 20), "缴存");
        ComplianceItems.Item after = compliance.item(id, ComplianceKind.WAGE_DEPOSIT).orElseThrow();
        assertThat(after.version()).isGreaterThan(seen.version());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compliance.record(id, ComplianceKind.WAGE_DEPOSIT,
                seen.version(), seen.facts())).isInstanceOf(org.wageguard.shared.StaleEditException.class);
        assertThat(compliance.item(id, ComplianceKind.WAGE_DEPOSIT).orElseThrow().facts().amount())
                .isEqualByComparingTo(after.facts().amount());
    }
}
