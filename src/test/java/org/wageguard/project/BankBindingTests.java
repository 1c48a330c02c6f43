package org.wageguard.project;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.internal.OfficerAccounts;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rule: a bank's rights over a special wage account come from the account's binding to the bank organisation
 * (the branch's employer record, by credit code), set or confirmed by the industry department or by the bank itself,
 * never by the contractor alone, and kept as history — not from a bank's name. Each test performs an attack that
 * the name-prefix rule let through (issue 14, item 3), or shows the way a binding legitimately changes.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankBindingTests {

    static final String HEADER = "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n";
    /** Another branch of the same bank as {@code yinhang}'s, in the neighbouring district. */
    static final String HESHAN_CODE = "91430903MA4L0HN00U";
    static final String HUASHENG_CODE = "91430981MA4QA1B23U";
    static final String ABC_CODE = "91430981707411234J";
    static final String CCB_CODE = "91430981707412345K";
    static final String BINDING_ACTION = "SPECIAL_ACCOUNT_BINDING";
    static final String ABC_NAME = "中国农业银行股份有限公司沅江市支行";
    static final String CCB_NAME = "中国建设银行股份有限公司沅江支行";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired OfficerAccounts accounts;
    @Autowired Projects projects;
    @Autowired SpecialAccounts specialAccounts;

    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    void accounts() {
        accounts.create(new OfficerAccounts.OfficerDraft("heshan_bank", "赵敏", "430900", null, HESHAN_CODE,
                "中国农业银行股份有限公司益阳市赫山区支行", null, "对公业务经理", MobilePhone.of("15807371099"), null),
                "Demo@2021x", Set.of("BANK"));
        // The wage officer of another general contractor, whose test projects stay out of zongbao's lists.
        accounts.create(new OfficerAccounts.OfficerDraft("huasheng_wage", "周立平", "430981", null, HUASHENG_CODE,
                "湖南华盛建设工程有限公司", null, "劳资专管员", MobilePhone.of("13762701406"), null),
                "Demo@2021x", Set.of("CONTRACTOR"));
    }

    /** A new project of 湖南华盛建设工程 (huasheng_wage) under 住建局 (zhujian), its account bound to 建设银行 by zhujian. */
    long contractorsProjectAtTheOtherBank() throws Exception {
        int n = SEQ.incrementAndGet();
        long owner = id("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'");
        long contractor = id("SELECT id FROM employer WHERE credit_code = '" + HUASHENG_CODE + "'");
        long department = id("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'");
        long project = projects.register(new ProjectDraft("YJ-BIND-" + n, "绑定测试项目" + n, "430981001", department, owner,
                contractor, "沅江市琼湖街道", "周立平", MobilePhone.of("13762701406"), true, new BigDecimal("5000000.00"),
                new BigDecimal("1100000.00"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20),
                LocalDate.of(2027, 6, 30), ProjectStatus.UNDER_CONSTRUCTION));
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zhujian")).with(csrf())
                .param("bankCreditCode", CCB_CODE).param("accountNumber", "6500" + String.format("%08d", n)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        return project;
    }

    long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    String code(long project) {
        return jdbc.sql("SELECT code FROM project WHERE id = :p").param("p", project).query(String.class).single();
    }

    ResultActions upload(String user, String csv) throws Exception {
        return mvc.perform(multipart("/payroll/imports/disbursements")
                .file(new MockMultipartFile("file", "d.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(logins.as(user)).with(csrf()));
    }

    static String row(String project, String transaction) {
        return project + "," + transaction + ",6228480010000000011,甲工人,,900.00,2026-02-10,成功,2026-01\n";
    }

    long disbursements(String transaction) {
        return jdbc.sql("SELECT count(*) FROM disbursement WHERE transaction_id = :t").param("t", transaction)
                .query(Long.class).single();
    }

    long denied(String username, String action) {
        return jdbc.sql("""
                SELECT count(*) FROM operation_log WHERE username = :u AND action = :a AND result = 'DENIED'
                """).param("u", username).param("a", action).query(Long.class).single();
    }

    String token(String username) throws Exception {
        long officer = jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username).query(Long.class).single();
        Object token = mvc.perform(post("/admin/api-tokens").with(logins.as("admin")).with(csrf())
                .param("officerId", String.valueOf(officer)).param("label", "绑定测试"))
                .andReturn().getFlashMap().get("issued");
        assertThat(token).isInstanceOf(String.class);
        return (String) token;
    }

    ResultActions api(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/disbursements").header("Authorization", "Bearer " + token)
                .contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherBranchOfTheSameBankIsRefusedTheDisbursementsOfYJ2021002OnTheWeb() throws Exception {
        long before = denied("heshan_bank", "DISBURSEMENT_IMPORT");
        upload("heshan_bank", HEADER + row("YJ-2021-002", "HS-WEB-1"))
                .andExpect(flash().attribute("error", containsString("1 处错误")));
        assertThat(disbursements("HS-WEB-1")).as("nothing replaced yinhang's disbursements").isZero();
        String problems = jdbc.sql("SELECT detail FROM operation_log WHERE username = 'heshan_bank' AND result = 'DENIED' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(problems).contains("YJ-2021-002").contains("未绑定到本行");
        assertThat(denied("heshan_bank", "DISBURSEMENT_IMPORT")).isEqualTo(before + 1);
    }

    @Test
    void anotherBranchOfTheSameBankIsRefusedTheDisbursementsOfYJ2021002ThroughTheApi() throws Exception {
        String token = token("heshan_bank");
        api(token, HEADER + row("YJ-2021-002", "HS-API-1")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("未绑定到本行")));
        assertThat(disbursements("HS-API-1")).isZero();
        // The demo bank, whose branch the account is bound to, still sends for it (a file of bad rows only, so that
        // nothing of the demo month changes: the refusal names the row's month, not the project).
        api(token("yinhang"), HEADER + "YJ-2021-002,YH-API-1,6228480010000000011,甲工人,,900.00,2026-02-10,成功,2026-13\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].reason").value(not(containsString("未绑定到本行"))));
    }

    @Test
    void theContractorCannotChangeTheSpecialAccountsBankAndTheBanksScopeDoesNotFollowIt() throws Exception {
        // YJ-2021-001 is zongbao's own project; its special account is at 建设银行.
        long project = id("SELECT id FROM project WHERE code = 'YJ-2021-001'");
        var item = jdbc.sql("SELECT version, account_number, established_on FROM compliance_item WHERE project_id = :p AND kind = 'SPECIAL_ACCOUNT'")
                .param("p", project).query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3)}).single();
        long before = denied("zongbao", "COMPLIANCE_RECORD");
        mvc.perform(post("/projects/" + project + "/compliance/SPECIAL_ACCOUNT").with(logins.as("zongbao")).with(csrf())
                .param("version", String.valueOf(item[0])).param("establishedOn", (String) item[2])
                .param("bankName", "中国农业银行沅江市支行").param("accountNumber", (String) item[1]))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("开户银行和账号以银行绑定为准")));
        assertThat(jdbc.sql("SELECT bank_name FROM compliance_item WHERE project_id = :p AND kind = 'SPECIAL_ACCOUNT'")
                .param("p", project).query(String.class).single()).isEqualTo(CCB_NAME);
        assertThat(denied("zongbao", "COMPLIANCE_RECORD")).isEqualTo(before + 1);

        // The contractor's other ways to the binding are closed too: it may not set one ...
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zongbao")).with(csrf())
                .param("bankCreditCode", ABC_CODE).param("accountNumber", "123456789012"))
                .andExpect(status().isForbidden());
        // ... and the edit form offers no bank name to type.
        mvc.perform(get("/projects/" + project + "/compliance/SPECIAL_ACCOUNT").with(logins.as("zongbao")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("name=\"bankName\""))));

        // The bank the contractor named gets nothing from it, on the web or through the API.
        upload("yinhang", HEADER + row("YJ-2021-001", "YH-FOLLOW-1"))
                .andExpect(flash().attribute("error", containsString("1 处错误")));
        api(token("yinhang"), HEADER + row("YJ-2021-001", "YH-FOLLOW-2")).andExpect(status().isUnprocessableContent());
        assertThat(disbursements("YH-FOLLOW-1") + disbursements("YH-FOLLOW-2")).isZero();
        assertThat(jdbc.sql("SELECT bank_credit_code FROM special_account_binding WHERE project_id = :p AND status = 'CONFIRMED' AND valid_to IS NULL")
                .param("p", project).query(String.class).single()).isEqualTo(CCB_CODE);
    }

    @Test
    void aContractorsProposalBindsNothingUntilTheIndustryOfficerConfirmsItAndTheHistoryIsKept() throws Exception {
        long project = contractorsProjectAtTheOtherBank();
        mvc.perform(post("/projects/" + project + "/special-account/proposal").with(logins.as("huasheng_wage")).with(csrf())
                .param("bankCreditCode", ABC_CODE).param("accountNumber", "1832 0000 7777"))
                .andExpect(flash().attribute("flash", containsString("待行业主管部门或开户银行确认")));
        long proposal = jdbc.sql("SELECT id FROM special_account_binding WHERE project_id = :p AND status = 'PROPOSED'")
                .param("p", project).query(Long.class).single();

        // Proposed is not bound.
        upload("yinhang", HEADER + row(code(project), "YH-PROP-1")).andExpect(flash().attribute("error", containsString("1 处错误")));
        assertThat(disbursements("YH-PROP-1")).isZero();
        // The contractor cannot confirm its own proposal, nor can another department's officer.
        mvc.perform(post("/special-account/bindings/" + proposal + "/confirm").with(logins.as("huasheng_wage")).with(csrf()))
                .andExpect(status().isForbidden());
        long before = denied("jiaotong", BINDING_ACTION);
        mvc.perform(post("/special-account/bindings/" + proposal + "/confirm").with(logins.as("jiaotong")).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(status().reason(containsString("只有该项目的行业主管部门或申请中指名的开户银行")));
        assertThat(denied("jiaotong", BINDING_ACTION)).isEqualTo(before + 1);

        // The industry officer confirms: from now the account is 农业银行's, and yinhang sends for it.
        mvc.perform(post("/special-account/bindings/" + proposal + "/confirm").with(logins.as("zhujian")).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("已确认绑定")));
        upload("yinhang", HEADER + row(code(project), "YH-PROP-2")).andExpect(flash().attribute("flash", containsString("写入 1 行")));
        assertThat(disbursements("YH-PROP-2")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT bank_name FROM compliance_item WHERE project_id = :p AND kind = 'SPECIAL_ACCOUNT'")
                .param("p", project).query(String.class).single()).isEqualTo(ABC_NAME);

        // Both periods are kept: who set each, who confirmed it, from when until when.
        record Period(String bankCreditCode, String accountNumber, String status, String proposedBy, String decidedBy,
                boolean ended, String endedBy) {
        }
        List<Period> history = jdbc.sql("""
                SELECT bank_credit_code, account_number, status, proposed_by, decided_by, valid_to IS NOT NULL AS ended,
                       ended_by
                  FROM special_account_binding WHERE project_id = :p ORDER BY id
                """).param("p", project).query(Period.class).list();
        assertThat(history).containsExactly(
                new Period(CCB_CODE, history.get(0).accountNumber(), "CONFIRMED", "zhujian", "zhujian", true, "zhujian"),
                new Period(ABC_CODE, "183200007777", "CONFIRMED", "huasheng_wage", "zhujian", false, null));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM special_account_binding a JOIN special_account_binding b ON b.project_id = a.project_id
                 WHERE a.project_id = :p AND a.bank_credit_code = :ccb AND b.bank_credit_code = :abc AND a.valid_to = b.valid_from
                """).param("p", project).param("ccb", CCB_CODE).param("abc", ABC_CODE).query(Long.class).single())
                .as("the new period starts when the old one ends").isEqualTo(1);
        mvc.perform(get("/projects/" + project).with(logins.as("zhujian"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("binding-history")))
                .andExpect(content().string(containsString(CCB_NAME)))
                .andExpect(content().string(containsString("周立平（总包单位）提出，李卫东（行业主管部门）确认")));
    }

    @Test
    void theBankNamedInAProposalConfirmsItAndNoOtherBankCan() throws Exception {
        long project = contractorsProjectAtTheOtherBank();
        mvc.perform(post("/projects/" + project + "/special-account/proposal").with(logins.as("huasheng_wage")).with(csrf())
                .param("bankCreditCode", ABC_CODE).param("accountNumber", "183200008888"));
        long proposal = jdbc.sql("SELECT id FROM special_account_binding WHERE project_id = :p AND status = 'PROPOSED'")
                .param("p", project).query(Long.class).single();

        // It waits on the named bank's home page (and not on another bank's).
        long waiting = waitingBindings("yinhang");
        assertThat(waiting).isPositive();
        assertThat(waitingBindings("heshan_bank")).isZero();

        long before = denied("heshan_bank", BINDING_ACTION);
        mvc.perform(post("/special-account/bindings/" + proposal + "/confirm").with(logins.as("heshan_bank")).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(status().reason(containsString(ABC_NAME)));
        assertThat(denied("heshan_bank", BINDING_ACTION)).isEqualTo(before + 1);
        mvc.perform(get("/bank/accounts").with(logins.as("heshan_bank"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code(project)))));

        mvc.perform(get("/bank/accounts").with(logins.as("yinhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-project=\"" + code(project) + "\" data-status=\"PROPOSED\"")));
        mvc.perform(post("/special-account/bindings/" + proposal + "/confirm").with(logins.as("yinhang")).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("已确认绑定")));
        assertThat(waitingBindings("yinhang")).isEqualTo(waiting - 1);
        assertThat(jdbc.sql("""
                SELECT decided_by || '/' || decided_role FROM special_account_binding
                 WHERE project_id = :p AND status = 'CONFIRMED' AND valid_to IS NULL
                """).param("p", project).query(String.class).single()).isEqualTo("yinhang/BANK");
        upload("yinhang", HEADER + row(code(project), "YH-BANK-1")).andExpect(flash().attribute("flash", containsString("写入 1 行")));
        // A confirmed proposal cannot be confirmed again.
        mvc.perform(post("/special-account/bindings/" + proposal + "/confirm").with(logins.as("zhujian")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("已经处理过")));
    }

    @Test
    void aBankSeesOnlyTheSpecialAccountsBoundToItNow() throws Exception {
        String page = mvc.perform(get("/bank/accounts").with(logins.as("yinhang"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-project=\"YJ-2021-002\"", "data-project=\"YJ-2021-004\"")
                .doesNotContain("data-project=\"YJ-2021-001\"", "data-project=\"YJ-2021-003\"");
        mvc.perform(get("/bank/accounts").with(logins.as("heshan_bank"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-project=\"YJ-"))));
        // The project pages stay closed to a bank, and the bank page to everyone else.
        long yj2 = id("SELECT id FROM project WHERE code = 'YJ-2021-002'");
        mvc.perform(get("/projects/" + yj2).with(logins.as("yinhang"))).andExpect(status().isForbidden());
        mvc.perform(get("/bank/accounts").with(logins.as("zongbao"))).andExpect(status().isForbidden());
    }

    /**
     * 《保障农民工工资支付条例》第二十七条第二款 (and 人社部发〔2021〕53号): a special account is closed once the project is
     * completed and no wages are owed, after 30 days' publication. The
     * industry department ends the binding without a successor, with the reason; while the project is under way
     * it cannot (a new bank is bound instead). From then no bank may send the project's disbursements.
     */
    @Test
    void specialAccountClosedOnlyForACompletedProjectAndNoBankSendsAfterwards_Regulation27() throws Exception {
        long project = contractorsProjectAtTheOtherBank();
        SpecialAccounts.Binding bound = specialAccounts.current(project).orElseThrow();
        String end = "/projects/" + project + "/special-account/end";

        mvc.perform(post(end).with(logins.as("zhujian")).with(csrf()).param("reason", "已销户"))
                .andExpect(flash().attribute("error", containsString("在建或停工项目的专用账户不能只终止不替换")));
        jdbc.sql("UPDATE project SET status = 'COMPLETED' WHERE id = :p").param("p", project).update();
        mvc.perform(post(end).with(logins.as("zhujian")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("请填写终止原因")));
        mvc.perform(post(end).with(logins.as("huasheng_wage")).with(csrf()).param("reason", "已销户"))
                .andExpect(status().isForbidden());
        assertThat(specialAccounts.boundTo(project, CCB_CODE)).isTrue();
        // The end form of the completed project names the rule it keeps.
        mvc.perform(get("/projects/" + project).with(logins.as("zhujian")))
                .andExpect(content().string(containsString("id=\"binding-end-form\"")))
                .andExpect(content().string(containsString("《保障农民工工资支付条例》第二十七条第二款")));

        mvc.perform(post(end).with(logins.as("zhujian")).with(csrf()).param("reason", "工程完工，工资已结清并公示30日，已办理销户"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(specialAccounts.current(project)).isEmpty();
        assertThat(specialAccounts.boundTo(project, CCB_CODE)).isFalse();
        SpecialAccounts.Binding ended = specialAccounts.history(project).stream().filter(b -> b.id() == bound.id())
                .findFirst().orElseThrow();
        assertThat(ended.validTo()).isNotNull();
        assertThat(ended.note()).isEqualTo("工程完工，工资已结清并公示30日，已办理销户");
        mvc.perform(post(end).with(logins.as("zhujian")).with(csrf()).param("reason", "再次"))
                .andExpect(flash().attribute("error", "该项目没有生效的专用账户绑定。"));
    }

    @Test
    void aBindingNeedsARegisteredBankBranchAndAnAccountNumberEachRefusalSaidInChinese() throws Exception {
        long project = contractorsProjectAtTheOtherBank();
        String contractorCode = HUASHENG_CODE;
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zhujian")).with(csrf())
                .param("bankCreditCode", contractorCode).param("accountNumber", "123456789012"))
                .andExpect(flash().attribute("error", containsString("不是银行网点")));
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zhujian")).with(csrf())
                .param("bankCreditCode", HESHAN_CODE).param("accountNumber", "123456789012"))
                .andExpect(flash().attribute("error", containsString("请先在“用人单位”中登记开户银行网点")));
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zhujian")).with(csrf())
                .param("bankCreditCode", "91430981707411234X").param("accountNumber", "123456789012"))
                .andExpect(flash().attribute("error", containsString("无效")));
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zhujian")).with(csrf())
                .param("bankCreditCode", ABC_CODE).param("accountNumber", "12ab"))
                .andExpect(flash().attribute("error", containsString("8至32位数字")));
        assertThat(jdbc.sql("SELECT count(*) FROM special_account_binding WHERE project_id = :p").param("p", project)
                .query(Long.class).single()).as("only the first binding").isEqualTo(1);
    }

    @Test
    void onUpgradeABankAccountsBranchBecomesAnEmployerRecordThatCanBeBound() throws Exception {
        String code = "91430981MA4LUPG005";
        accounts.create(new OfficerAccounts.OfficerDraft("upgrade_bank", "钱进", "430981", null, code,
                "中国工商银行股份有限公司沅江支行", null, "对公业务经理", MobilePhone.of("15807371098"), null),
                "Demo@2021x", Set.of("BANK"));
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/employer/V2026.12.03.100__bank_branch_employers.sql").readAllBytes(), StandardCharsets.UTF_8);
        jdbc.sql(migration).update();
        assertThat(jdbc.sql("""
                SELECT e.name || '/' || e.industry_code || '/' || e.type || '/' || d.name FROM employer e
                  JOIN department d ON d.id = e.supervising_department_id WHERE e.credit_code = :c
                """).param("c", code).query(String.class).single())
                .isEqualTo("中国工商银行股份有限公司沅江支行/66/OTHER/沅江市治欠工作领导小组办公室");
        jdbc.sql(migration).update();
        assertThat(jdbc.sql("SELECT count(*) FROM employer WHERE credit_code = :c").param("c", code).query(Long.class)
                .single()).as("run again, nothing doubles").isEqualTo(1);
        // Bound by the industry department, the branch's account sends for the project.
        long project = contractorsProjectAtTheOtherBank();
        mvc.perform(post("/projects/" + project + "/special-account/binding").with(logins.as("zhujian")).with(csrf())
                .param("bankCreditCode", code).param("accountNumber", "0190012345678"))
                .andExpect(flash().attribute("flash", containsString("即时生效")));
        upload("upgrade_bank", HEADER + row(code(project), "UP-1")).andExpect(flash().attribute("flash", containsString("写入 1 行")));
    }

    /** The count of binding proposals waiting on the account's home page (待办事项). */
    long waitingBindings(String account) throws Exception {
        String home = mvc.perform(get("/").with(logins.as(account))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("待确认的专用账户开户银行绑定申请</a>\\s*<span[^>]*>(\\d+)</span>").matcher(home);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
