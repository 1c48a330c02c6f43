package org.wageguard.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.casework.CaseFacts;
import org.wageguard.casework.WorkingDays;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.CreditListingRefused;
import org.wageguard.employer.Employers;
import org.wageguard.identity.OperationLog;
import org.wageguard.employer.TestEmployers;

/**
 * MOHRSS Decree 45 (《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》, 人社部令第45号): onto and off a credit list only
 * by its procedure; the listing condition of Art. 5; the term of Art. 13; early removal under Art. 14 counted from
 * paying up while listed; the prior notice and the listing decision as printable documents.
 */
@DemoApplicationTest
class CreditListDecree45Tests {

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired CaseFacts caseFacts;
    @Autowired Employers employers;
    @Autowired WorkingDays workingDays;
    @Autowired OperationLog operationLog;
    @Autowired CreditAmountStandards standards;

    CreditProcedure on(LocalDate day) {
        return new CreditProcedure(jdbc, Clock.fixed(day.atStartOfDay(RuleScenarioTests.ZONE).toInstant(),
                RuleScenarioTests.ZONE), caseFacts, employers, workingDays, operationLog, standards);
    }

    long employer(String name) {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    registered_on)
                VALUES (:name, :code, '47', '430981', 'GENERAL_CONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'), DATE '2015-01-01')
                RETURNING id""").param("name", name).param("code", TestEmployers.newCreditCode()).query(Long.class).single();
    }

    /** A case against the employer whose order to pay (the amount, the workers) lapsed on {@code deadline}. */
    long lapsedCase(long employer, String name, int workers, String amount, LocalDate deadline) {
        String number = "XY" + ThreadLocalRandom.current().nextInt(100_000_000);
        long id = jdbc.sql("""
                INSERT INTO case_file (number, channel, kind, status, employer_id, employer_name, region_code,
                    amount_claimed, workers, registered_on, accept_due)
                VALUES (:n, 'WALK_IN', 'COMPLAINT', 'ORDERED', :e, :name, '430981', :a, :w, :d, :d) RETURNING id
                """).param("n", number).param("e", employer).param("name", name).param("a", new BigDecimal(amount))
                .param("w", workers).param("d", deadline.minusDays(30)).query(Long.class).single();
        jdbc.sql("INSERT INTO payment_order (case_id, number, served_on, deadline, amount) VALUES (:c, :n, :s, :d, :a)")
                .param("c", id).param("n", "沅人社监令〔2026〕" + id + "号").param("s", deadline.minusDays(10))
                .param("d", deadline).param("a", new BigDecimal(amount)).update();
        return id;
    }

    static CreditProcedure.Condition workers(int n) {
        return new CreditProcedure.Condition(CreditProcedure.Ground.AMOUNT_STANDARD, n, null, null, null, null);
    }

    int listings(long employer) {
        return jdbc.sql("SELECT count(*) FROM employer_credit_listing WHERE employer_id = :e").param("e", employer)
                .query(Integer.class).single();
    }

    @Test
    void decree45_aListingOrRemovalTypedInOutsideTheProcedureIsRefused() throws Exception {
        long employer = employer("沅江市信用程序外测试建设有限公司");
        mvc.perform(post("/employers/" + employer + "/listings").param("kind", "BLACKLIST").param("listedOn", "2026-11-01")
                .param("grounds", "直接列入").with(logins.as("jiancha")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", Matchers.containsString("人社部令第45号")));
        assertThat(listings(employer)).as("nothing listed outside the procedure").isZero();

        assertThatThrownBy(() -> employers.list(employer, CreditListKind.BLACKLIST, LocalDate.of(2026, 11, 1), " ", "无决定",
                List.of())).isInstanceOf(CreditListingRefused.class).hasMessageContaining("列入决定");
        long listing = employers.list(employer, CreditListKind.BLACKLIST, LocalDate.of(2026, 11, 1), "人社信列〔2026〕0号",
                "测试", List.of());
        assertThat(jdbc.sql("SELECT expires_on FROM employer_credit_listing WHERE id = :id").param("id", listing)
                .query(LocalDate.class).single()).as("Art. 13: three years from the decision, never another expiry")
                .isEqualTo(LocalDate.of(2029, 11, 1));
        mvc.perform(post("/employers/" + employer + "/listings/" + listing + "/remove").param("version", "0")
                .param("removedOn", "2026-11-02").with(logins.as("jiancha")).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("人社部令第45号")));
        assertThatThrownBy(() -> employers.removeEarly(employer, listing, LocalDate.of(2026, 11, 2), null, "承诺"))
                .isInstanceOf(CreditListingRefused.class).hasMessageContaining("第十四条");
        assertThatThrownBy(() -> employers.removeEarly(employer, listing, LocalDate.of(2027, 5, 1),
                LocalDate.of(2026, 11, 5), "承诺")).as("six months after paying up while listed: 2027-05-05")
                .isInstanceOf(CreditListingRefused.class).hasMessageContaining("2027-05-05");
        assertThat(employers.standing(employer, LocalDate.of(2027, 5, 1)).blacklisted()).isTrue();
        mvc.perform(get("/employers/" + employer).with(logins.as("jiancha")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"listing-procedure\""),
                                Matchers.not(Matchers.containsString("id=\"listing-form\"")))));
    }

    @Test
    void decree45Article5_theListingConditionIsCheckedAgainstTheProvinceStandardAndRecorded() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        long employer = employer("沅江市信用条件测试建设有限公司");
        long small = lapsedCase(employer, "沅江市信用条件测试建设有限公司", 12, "28000.00", today.minusDays(5));
        assertThatThrownBy(() -> on(today).propose("4309", small, CreditListKind.BLACKLIST, "逾期未支付", workers(12),
                List.of(), "jiancha")).as("12 workers but 28,000 yuan: below 30,000").isInstanceOf(MonitoringRuleException.class)
                .hasMessageContaining("拒不支付劳动报酬罪的数额标准").hasMessageContaining("30,000.00");
        assertThatThrownBy(() -> on(today).propose("4309", small, CreditListKind.BLACKLIST, "逾期未支付",
                new CreditProcedure.Condition(CreditProcedure.Ground.AMOUNT_STANDARD, 12, new BigDecimal("6000"), 2, null,
                        null), List.of(), "jiancha")).as("one worker, but two months only")
                .hasMessageContaining("三个月以上");
        assertThatThrownBy(() -> on(today).propose("4309", small, CreditListKind.BLACKLIST, "逾期未支付",
                new CreditProcedure.Condition(CreditProcedure.Ground.EXTREME_INCIDENT, null, null, null, null, " "),
                List.of(), "jiancha")).hasMessageContaining("极端事件");
        long id = on(today).propose("4309", small, CreditListKind.BLACKLIST, "逾期未支付",
                new CreditProcedure.Condition(CreditProcedure.Ground.AMOUNT_STANDARD, 12, new BigDecimal("6000"), 3, null,
                        null), List.of(), "jiancha");
        assertThat(on(today).find("4309", id).orElseThrow().conditionBasis()).contains("一名劳动者")
                .contains("6,000.00").contains("5,000.00").contains("第五条第一项");

        long employer2 = employer("沅江市信用标准测试建设有限公司");
        long big = lapsedCase(employer2, "沅江市信用标准测试建设有限公司", 10, "40000.00", today.minusDays(5));
        standards.set("430000", new BigDecimal("10000"), new BigDecimal("50000"), "湖南省测试文件", "jiancha");
        try {
            assertThatThrownBy(() -> on(today).propose("4309", big, CreditListKind.BLACKLIST, "逾期未支付", workers(10),
                    List.of(), "jiancha")).as("the province's 50,000 applies to 沅江市").hasMessageContaining("50,000.00")
                    .hasMessageContaining("湖南省测试文件");
            assertThatThrownBy(() -> standards.set("430000", new BigDecimal("4000"), new BigDecimal("50000"), "x", "jiancha"))
                    .hasMessageContaining("5000–20000");
        } finally {
            jdbc.sql("DELETE FROM credit_amount_standard WHERE region_code = '430000'").update();
        }
        long id2 = on(today).propose("4309", big, CreditListKind.BLACKLIST, "逾期未支付", workers(10), List.of(), "jiancha");
        assertThat(jdbc.sql("SELECT condition_basis FROM credit_proposal WHERE id = :id").param("id", id2)
                .query(String.class).single()).contains("10名劳动者").contains("40,000.00").contains("下限");
    }

    /** Notified, objection period over, decided on {@code decided}; returns the proposal. */
    CreditProcedure.Proposal decided(String name, LocalDate decided) {
        LocalDate proposed = decided.minusDays(20);
        long employer = employer(name);
        long caseId = lapsedCase(employer, name, 15, "120000.00", proposed.minusDays(3));
        long id = on(proposed).propose("4309", caseId, CreditListKind.BLACKLIST, "限期改正指令书逾期未履行", workers(15),
                List.of(new CreditProcedure.Person("赵测试", "LEGAL_REPRESENTATIVE", null)), "jiancha");
        on(proposed).notifyParty("4309", id, 0, proposed, "jiancha");
        on(decided).decide("4309", id, 1, true, "逾期未申辩", "jiancha");
        return on(decided).find("4309", id).orElseThrow();
    }

    @Test
    void decree45Article14_earlyRemovalCountsSixMonthsFromPayingUpWhileListed() {
        LocalDate decidedOn = LocalDate.of(2026, 6, 1);
        CreditProcedure.Proposal p = decided("沅江市信用修复测试建设有限公司", decidedOn);
        assertThat(p.expiresOn()).isEqualTo(LocalDate.of(2029, 6, 1));
        assertThatThrownBy(() -> on(decidedOn.plusMonths(7)).recordPaidUp("4309", p.id(), p.version(),
                decidedOn.minusDays(10), "jiancha")).as("paid before the decision: would allow removal at once")
                .isInstanceOf(MonitoringRuleException.class).hasMessageContaining("不能早于列入决定日期")
                .hasMessageContaining("第十四条");
        LocalDate paidUp = decidedOn.plusMonths(1);
        on(decidedOn.plusMonths(7)).recordPaidUp("4309", p.id(), p.version(), paidUp, "jiancha");
        CreditProcedure.Proposal paid = on(decidedOn.plusMonths(7)).find("4309", p.id()).orElseThrow();
        assertThat(paid.earliestRemoval()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> on(LocalDate.of(2026, 12, 31)).removeEarly("4309", p.id(), paid.version(), "承诺按时足额支付",
                "jiancha")).hasMessageContaining("2027-01-01");
        assertThatThrownBy(() -> on(LocalDate.of(2027, 1, 1)).removeEarly("4309", p.id(), paid.version(), " ", "jiancha"))
                .hasMessageContaining("信用修复承诺");
        on(LocalDate.of(2027, 1, 1)).removeEarly("4309", p.id(), paid.version(), "承诺今后按时足额支付工资", "jiancha");
        assertThat(employers.standing(p.employerId(), LocalDate.of(2027, 1, 1)).blacklisted()).isFalse();
        assertThat(jdbc.sql("SELECT pledge FROM employer_credit_listing WHERE id = :id").param("id", p.listingId())
                .query(String.class).single()).isEqualTo("承诺今后按时足额支付工资");
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void decree45_thePriorNoticeAndTheListingDecisionArePrintablePdfs() throws Exception {
        CreditProcedure.Proposal p = decided("沅江市信用文书测试建设有限公司", LocalDate.of(2026, 9, 1));
        String notice = text(mvc.perform(get("/monitoring/credit/" + p.id() + "/notice.pdf").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(notice).contains("失信联合惩戒对象名单列入事先告知书").contains(p.noticeNumber())
                .contains("沅江市信用文书测试建设有限公司").contains("赵测试").contains("5个工作日内")
                .contains(p.objectionUntil().toString()).contains("人力资源社会保障部令第45号").contains("第五条")
                .contains("沅江市人力资源和社会保障局");
        String decision = text(mvc.perform(get("/monitoring/credit/" + p.id() + "/decision.pdf").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(decision).contains("失信联合惩戒对象名单列入决定书").contains(p.decisionNumber())
                .contains("2026-09-01起至2029-08-31止").contains("第十四条").contains("行政复议")
                .contains("15名劳动者").contains("120,000.00");
        mvc.perform(get("/monitoring/credit/" + p.id() + "/decision.pdf").with(logins.as("zhujian")))
                .andExpect(status().isForbidden());
    }
}
