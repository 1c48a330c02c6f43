package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.MobilePhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, lost updates: two labor inspectors open the same case page and record the payment to the same worker.
 * The first one's record stands; the second is told, in Chinese, that someone saved in between, and nothing of theirs
 * is written.
 */
@DemoApplicationTest
class ConcurrentPaymentTests {

    @Autowired CaseIntake intake;
    @Autowired CaseHandling handling;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    long caseId;
    long claimantId;

    /** A second labor inspector of the same bureau as jiancha, so that two officers may record the payment. */
    @BeforeEach
    void aSecondInspector() {
        jdbc.sql("""
                INSERT INTO officer (username, display_name, password_hash, region_code, department_id, title)
                SELECT 'jiancha2', '李志明', password_hash, region_code, department_id, title FROM officer WHERE username = 'jiancha'
                ON CONFLICT (username) DO NOTHING
                """).update();
        jdbc.sql("""
                INSERT INTO officer_role (officer_id, role_code)
                SELECT id, 'LABOR_INSPECTOR' FROM officer WHERE username = 'jiancha2' ON CONFLICT DO NOTHING
                """).update();
        Long employerId = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市顺达建筑劳务有限公司'").query(Long.class).single();
        caseId = intake.register(new Intake(Channel.HOTLINE, CaseKind.COMPLAINT, "工人乙", MobilePhone.of("13907371234"),
                false, employerId, "沅江市顺达建筑劳务有限公司", null, "430981", "E", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 31), "拖欠两个月工资", List.of(new Intake.Claimant("工人乙", null, new BigDecimal("8000"))),
                null, LocalDate.of(2026, 11, 26)));
        OfficerPrincipal jiancha = logins.principal("jiancha");
        handling.accept(caseId, version(), jiancha);
        handling.coordinate(caseId, version(), jiancha);
        handling.resolve(caseId, version(), jiancha, Outcome.MEDIATED, "调解", new BigDecimal("8000"));
        claimantId = jdbc.sql("SELECT id FROM case_claimant WHERE case_id = :c").param("c", caseId).query(Long.class).single();
    }

    int version() {
        return jdbc.sql("SELECT version FROM case_file WHERE id = :id").param("id", caseId).query(Integer.class).single();
    }

    /** The version the case page renders into the worker's payment form, as a browser would submit it. */
    String formVersion(String officer) throws Exception {
        String html = mvc.perform(get("/cases/" + caseId).with(logins.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("name=\"version_" + claimantId + "\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("the payment form carries its row's version").isTrue();
        return m.group(1);
    }

    BigDecimal paid() {
        return jdbc.sql("SELECT amount_paid FROM case_claimant WHERE id = :k").param("k", claimantId)
                .query(BigDecimal.class).single();
    }

    @Test
    void theSecondInspectorsStalePaymentIsRefusedAndTheFirstOneStands() throws Exception {
        String first = formVersion("jiancha");
        String second = formVersion("jiancha2");
        assertThat(second).isEqualTo(first);
        String page = "http://localhost/cases/" + caseId;

        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha")).with(csrf())
                        .header("Referer", page).param("claimant", "" + claimantId).param("version_" + claimantId, first)
                        .param("amount_" + claimantId, "8000.00").param("paidOn_" + claimantId, "2026-11-30")
                        .param("manner_" + claimantId, "BANK_TRANSFER").param("evidence_" + claimantId, "农行代发回单"))
                .andExpect(flash().attribute("flash", "已保存 1 笔发放记录。"));
        assertThat(paid()).isEqualByComparingTo("8000.00");

        mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha2")).with(csrf())
                        .header("Referer", page).param("claimant", "" + claimantId).param("version_" + claimantId, second)
                        .param("amount_" + claimantId, "7500.00").param("paidOn_" + claimantId, "2026-12-01")
                        .param("manner_" + claimantId, "CASH").param("evidence_" + claimantId, "现金签收单"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("error", containsString("该记录已被其他人修改（jiancha 于 ")))
                .andExpect(flash().attribute("error", containsString("您的输入未保存")));
        assertThat(paid()).as("the first inspector's payment stands").isEqualByComparingTo("8000.00");
        assertThat(jdbc.sql("SELECT evidence FROM case_payment WHERE claimant_id = :k").param("k", claimantId)
                .query(String.class).list()).containsExactly("农行代发回单");
        assertThat(jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND action = 'PAYMENT'").param("c", caseId)
                .query(Long.class).single()).as("only the first payment is on the timeline").isEqualTo(1);
    }

    @Test
    void anHtmxOrApiCallGets409WithTheSameText() throws Exception {
        String stale = formVersion("jiancha2");
        handling.recordPayment(caseId, claimantId, Integer.parseInt(stale), logins.principal("jiancha"),
                new BigDecimal("8000.00"), LocalDate.of(2026, 11, 30), "农行代发回单");
        mvc.perform(post("/cases/" + caseId + "/claimants/" + claimantId + "/payment").with(logins.as("jiancha2")).with(csrf())
                        .header("HX-Request", "true").param("version", stale).param("amount", "1.00")
                        .param("paidOn", "2026-12-01").param("evidence", "现金签收单"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("该记录已被其他人修改")));
        assertThat(paid()).isEqualByComparingTo("8000.00");
    }

    @Test
    void theCasePageGivesBackWhatTheSecondInspectorTyped() throws Exception {
        String stale = formVersion("jiancha2");
        handling.recordPayment(caseId, claimantId, Integer.parseInt(stale), logins.principal("jiancha"),
                new BigDecimal("8000.00"), LocalDate.of(2026, 11, 30), "农行代发回单");
        var result = mvc.perform(post("/cases/" + caseId + "/payments").with(logins.as("jiancha2"))
                        .with(csrf()).header("Referer", "http://localhost/cases/" + caseId).param("claimant", "" + claimantId)
                        .param("version_" + claimantId, stale).param("amount_" + claimantId, "7500.00")
                        .param("paidOn_" + claimantId, "2026-12-01").param("manner_" + claimantId, "CASH")
                        .param("evidence_" + claimantId, "现金签收单-0042"))
                .andExpect(status().is3xxRedirection()).andReturn();
        // The browser follows the redirect in its session (Spring Session keeps the flash attributes there).
        jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String html = mvc.perform(get(result.getResponse().getRedirectedUrl()).with(logins.as("jiancha2")).cookie(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("该记录已被其他人修改").contains("value=\"现金签收单-0042\"").contains("value=\"7500.00\"");
    }

    @Test
    void theServiceRefusesAStaleVersion() {
        handling.recordPayment(caseId, claimantId, 0, logins.principal("jiancha"), new BigDecimal("8000.00"),
                LocalDate.of(2026, 11, 30), "农行代发回单");
        assertThatThrownBy(() -> handling.recordPayment(caseId, claimantId, 0, logins.principal("jiancha2"),
                new BigDecimal("100.00"), LocalDate.of(2026, 12, 1), "现金"))
                .isInstanceOf(org.wageguard.shared.StaleEditException.class);
        assertThat(paid()).isEqualByComparingTo("8000.00");
    }
}
