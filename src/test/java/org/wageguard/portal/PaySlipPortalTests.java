package org.wageguard.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.messaging.internal.ConsoleSmsGateway;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.TestIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A worker opens their own pay slip (工资清单, Decree 724 Art. 15) on the portal's wage self-service after the same
 * verification (ID number, name, code to the phone on the roster); a co-worker's line is not on it, a project-month
 * without the worker answers 404, and without verification the form comes back.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaySlipPortalTests {

    static final String ID = TestIds.valid("43098119800808081");
    static final String PHONE = "13907378081";
    static final String ID2 = TestIds.valid("43098119810909082");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired ConsoleSmsGateway sender;

    static ByteArrayInputStream csv(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void twoWorkersOnOnePaySheet() {
        OfficerPrincipal system = new OfficerPrincipal(0, "system", "测试", "", true, false, false, "430981", null, null,
                "测试", Set.of(), Set.of(), new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0));
        realName.roster("r.csv", csv("项目编号,身份证号,姓名,手机号,工资卡号,是否签订劳动合同,进场日期\n"
                + "YJ-2021-014," + ID + ",龙秀英," + PHONE + ",6228480010000078081,Y,2026-07-01\n"
                + "YJ-2021-014," + ID2 + ",龙建华,13907378082,6228480010000078082,Y,2026-07-01\n"), false, system);
        payroll.importFile("p.csv", csv("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,扣款,实发工资,发放日期,本人签字确认\n"
                + "YJ-2021-014,2026-08," + ID + ",龙秀英,20,5200,200,5000,2026-09-15,N\n"
                + "YJ-2021-014,2026-08," + ID2 + ",龙建华,18,4680,0,4680,2026-09-15,Y\n"), false, system);
    }

    @Test
    void theVerifiedWorkerSeesTheirOwnSlipOnly() throws Exception {
        String address = "10.81.0.1";
        mvc.perform(post("/portal/wages/code").param("idNumber", ID).param("name", "龙秀英").with(csrf())
                .with(r -> { r.setRemoteAddr(address); return r; }));
        Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(sender.lastSentTo(PHONE).orElseThrow());
        assertThat(m.find()).isTrue();
        jakarta.servlet.http.Cookie cookie = mvc.perform(post("/portal/wages/verify").param("idNumber", ID).param("code", m.group(1))
                .with(csrf()).with(r -> { r.setRemoteAddr(address); return r; }))
                .andExpect(redirectedUrl("/portal/wages/records")).andReturn().getResponse().getCookie("SESSION");
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-014'").query(Long.class).single();
        String records = mvc.perform(get("/portal/wages/records").cookie(cookie)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(records).contains("/portal/wages/slip?project=" + project + "&amp;month=2026-08");
        String slip = mvc.perform(get("/portal/wages/slip?project=" + project + "&month=2026-08").cookie(cookie))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(slip).contains("工资清单（2026年8月）").contains("龙秀英").doesNotContain("龙建华")
                .contains("5,200.00").contains("200.00").contains("5,000.00").contains("2026-09-15").contains("未签字")
                .doesNotContain(ID);
        long elsewhere = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-004'").query(Long.class).single();
        mvc.perform(get("/portal/wages/slip?project=" + elsewhere + "&month=2026-08").cookie(cookie)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/wages/slip?project=" + project + "&month=2026-08")).andExpect(redirectedUrl("/portal/wages"));
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'PORTAL_PAY_SLIP_VIEW'").query(Long.class).single())
                .isPositive();
    }
}
