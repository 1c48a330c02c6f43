package org.wageguard.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.messaging.internal.ConsoleSmsGateway;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.TestIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.hamcrest.Matchers.containsString;

/**
 * A worker opens their own wage records with ID number, name and the code sent to the phone on file: nothing is told
 * to a visitor with a wrong name, a wrong code opens nothing, a code expires, tries are limited, each step is logged.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WageSelfServiceTests {

    static final String ID = TestIds.valid("43098119750505071");
    static final String PHONE = "13907375071";
    static final String ID2 = TestIds.valid("43098119760606072");
    static final String PHONE2 = "13907375072";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired ConsoleSmsGateway sender;
    @Autowired SensitiveData sensitive;
    @Autowired PortalSubmissions submissions;
    @Autowired OperationLog operationLog;
    @Autowired WageServices services;

    static ByteArrayInputStream csv(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void aWorkerWithAnUnderpaidMonth() {
        OfficerPrincipal system = WageServices.SYSTEM;
        services.enrol("YJ-2021-013," + ID + ",覃春花," + PHONE + ",6228480010000075071,Y,2026-08-01\n"
                + "YJ-2021-013," + ID2 + ",覃秋月," + PHONE2 + ",6228480010000075072,Y,2026-08-01\n");
        realName.attendance("a.csv", csv("项目编号,身份证号,日期\nYJ-2021-013," + ID + ",2026-09-01\nYJ-2021-013," + ID
                + ",2026-09-02\n"), false, system);
        payroll.importFile("p.csv", csv("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,实发工资,发放日期\n"
                + "YJ-2021-013,2026-09," + ID + ",覃春花,2,600,600,2026-10-10\n"), false, system);
        disbursements.importFile("d.csv", csv("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n"
                + "YJ-2021-013,W-75071,6228480010000075071,覃春花," + ID + ",400,2026-10-10,SUCCESS,2026-09\n"), false, system);
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder r, String address) {
        return r.with(req -> {
            req.setRemoteAddr(address);
            return req;
        });
    }

    long codes() {
        return jdbc.sql("SELECT count(*) FROM portal_wage_code c JOIN worker w ON w.id = c.worker_id WHERE w.name = '覃春花'")
                .query(Long.class).single();
    }

    String lastCode() {
        return lastCode(PHONE);
    }

    String lastCode(String phone) {
        Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(sender.lastSentTo(phone).orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theWorkerSeesTheirOwnMonthsAfterTheCodeAndAWrongNameOrCodeRevealsNothing() throws Exception {
        String address = "10.71.0.1";
        String wrongName = mvc.perform(from(post("/portal/wages/code"), address).param("idNumber", ID).param("name", "覃春")
                .with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(codes()).isZero();
        String rightName = mvc.perform(from(post("/portal/wages/code"), address).param("idNumber", ID).param("name", "覃春花")
                .with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(codes()).isEqualTo(1);
        assertThat(wrongName).contains("id=\"code-sent\"");
        assertThat(rightName).contains("id=\"code-sent\"").doesNotContain(PHONE).doesNotContain("7507");
        String code = lastCode();

        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(from(post("/portal/wages/verify"), address).param("idNumber", ID).param("code", wrong)
                .with(csrf())).andExpect(content().string(containsString("验证码不正确或已失效")));
        mvc.perform(from(get("/portal/wages/records"), address)).andExpect(redirectedUrl("/portal/wages"));

        // The session lives in the database (Spring Session): the browser carries it by its cookie.
        jakarta.servlet.http.Cookie cookie = mvc.perform(from(post("/portal/wages/verify"), address).param("idNumber", ID)
                .param("code", code).with(csrf())).andExpect(redirectedUrl("/portal/wages/records")).andReturn()
                .getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        String page = mvc.perform(from(get("/portal/wages/records"), address).cookie(cookie)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("2026年9月", "沅江市第三中学教学楼改扩建工程", "未足额发放", "600.00", "400.00", "少发");
        mvc.perform(from(post("/portal/wages/verify"), address).param("idNumber", ID).param("code", code).with(csrf()))
                .andExpect(content().string(containsString("验证码不正确或已失效")));
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action IN ('PORTAL_WAGE_CODE', 'PORTAL_WAGE_VERIFY')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aCodeExpiresAfterFiveMinutesAndTriesAreRateLimited() throws Exception {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZONE);
        WageSelfService afterExpiry = services.at(later);
        services.at(Clock.system(ZONE)).requestCode(ID2, "覃秋月", "10.71.0.2");
        assertThat(afterExpiry.verify(ID2, lastCode(PHONE2), "10.71.0.3")).isEqualTo(Optional.empty());

        String address = "10.71.0.4";
        int limited = 0;
        for (int i = 0; i < PortalSubmissions.LIMIT + 1; i++) {
            String page = mvc.perform(from(post("/portal/wages/code"), address).param("idNumber", TestIds.valid("43098119750505" + (100 + i)))
                    .param("name", "某").with(csrf())).andReturn().getResponse().getContentAsString();
            if (page.contains("id=\"portal-error\"")) {
                limited++;
            }
        }
        assertThat(limited).as("the sixth request from one address within the hour").isEqualTo(1);
    }
}
