package org.wageguard.portal;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.SensitiveData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workers' portal without login: a complaint lands in intake, is followed by code and phone, and is guarded. */
@DemoApplicationTest
class PortalSubmissionTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;

    /** A valid GB 11643 number, computed here independently of the code under test. */
    static String idNumber(int i) {
        String body = "43098119880612" + String.format("%03d", i);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder r, String address) {
        return r.with(req -> {
            req.setRemoteAddr(address);
            return req;
        });
    }

    MockHttpServletRequestBuilder complaint(String address, String phone, String employer) throws Exception {
        PortalVisits visit = PortalVisits.open(mvc, sensitive, address);
        return complaint(address, phone, employer, visit.stamp()).cookie(visit.session());
    }

    MockHttpServletRequestBuilder complaint(String address, String phone, String employer, String stamp) {
        return from(post("/portal/submit"), address).param("stamp", stamp).with(csrf())
                .param("kind", "COMPLAINT").param("name", "周建华").param("phone", phone).param("idNumber", idNumber(7))
                .param("employerName", employer).param("projectName", "滨江安置小区二期").param("amount", "18600")
                .param("workers", "3").param("description", "2026年8月至10月工资未发").param("website", "");
    }

    String code(String html) {
        int at = html.indexOf("id=\"query-code\"");
        assertThat(at).as("a query code on the page").isPositive();
        String rest = html.substring(html.indexOf('>', at) + 1);
        return rest.substring(0, rest.indexOf('<')).trim();
    }

    @Test
    void theFormOpensWithoutLogin() throws Exception {
        mvc.perform(get("/portal/submit")).andExpect(status().isOk()).andExpect(content().string(containsString("身份证号")));
        mvc.perform(get("/portal/follow")).andExpect(status().isOk());
    }

    @Test
    void aComplaintLandsInIntakeAndIsFollowedByCodeAndPhone() throws Exception {
        String html = mvc.perform(complaint("10.6.0.1", "13907376601", "门户测试建筑公司甲")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String code = code(html);
        assertThat(code).matches("[A-Z2-9]{10}");

        long caseId = jdbc.sql("SELECT case_id FROM portal_submission WHERE query_code = :c").param("c", code)
                .query(Long.class).single();
        var row = jdbc.sql("SELECT channel, kind, status, employer_name, complainant_name, complainant_phone, amount_claimed, workers FROM case_file WHERE id = :id")
                .param("id", caseId).query().singleRow();
        assertThat(row.get("channel")).isEqualTo("PORTAL");
        assertThat(row.get("kind")).isEqualTo("COMPLAINT");
        assertThat(row.get("status")).isEqualTo("REGISTERED");
        assertThat(row.get("employer_name")).isEqualTo("门户测试建筑公司甲");
        assertThat(row.get("complainant_name")).isEqualTo("周建华");
        assertThat((String) row.get("complainant_phone")).as("the phone is stored encrypted").doesNotContain("13907376601");
        assertThat((java.math.BigDecimal) row.get("amount_claimed")).isEqualByComparingTo("18600");
        assertThat(row.get("workers")).isEqualTo(3);

        mvc.perform(from(post("/portal/follow"), "10.6.0.2").with(csrf()).param("code", code.toLowerCase()).param("phone", "139 0737 6601"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已登记")))
                .andExpect(content().string(containsString("id=\"progress\"")));
    }

    @Test
    void aWrongCodeOrPhoneRevealsNothing() throws Exception {
        String code = code(mvc.perform(complaint("10.6.0.3", "13907376603", "门户测试建筑公司乙")).andReturn().getResponse().getContentAsString());
        for (String[] attempt : new String[][] {{code, "13907376699"}, {"ZZZZZZZZZZ", "13907376603"}}) {
            mvc.perform(from(post("/portal/follow"), "10.6.0.4").with(csrf()).param("code", attempt[0]).param("phone", attempt[1]))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("未找到记录")))
                    .andExpect(content().string(not(containsString("id=\"progress\""))))
                    .andExpect(content().string(not(containsString("门户测试建筑公司乙"))))
                    .andExpect(content().string(not(containsString("已登记"))));
        }
        long failures = jdbc.sql("SELECT count(*) FROM portal_attempt WHERE client_address = '10.6.0.4' AND action = 'QUERY' AND NOT success")
                .query(Long.class).single();
        assertThat(failures).as("every verification attempt is logged").isEqualTo(2);
    }

    @Test
    void theRateLimitStopsTheSixthAttemptFromOneAddress() throws Exception {
        for (int i = 0; i < PortalSubmissions.LIMIT; i++) {
            mvc.perform(from(post("/portal/follow"), "10.6.0.5").with(csrf()).param("code", "AAAAAAAAA" + i).param("phone", "1390737662" + i))
                    .andExpect(content().string(containsString("未找到记录")));
        }
        mvc.perform(from(post("/portal/follow"), "10.6.0.5").with(csrf()).param("code", "AAAAAAAAAB").param("phone", "13907376629"))
                .andExpect(content().string(containsString("操作过于频繁")));
        long before = jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
        mvc.perform(complaint("10.6.0.5", "13907376630", "门户测试建筑公司丙")).andExpect(content().string(containsString("操作过于频繁")));
        assertThat(jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single()).as("nothing registered").isEqualTo(before);
    }

    /**
     * Attack (issue 14): a stranger who knows a worker's phone sends bogus queries with it from several addresses, which
     * used to lock the worker out of following their own complaint for an hour. The limit hits the stranger's
     * addresses; the worker, with the right code, still sees the progress.
     */
    @Test
    void bogusQueriesWithAWorkersPhoneLimitTheStrangerNotTheWorker() throws Exception {
        String phone = "13907376640";
        String code = code(mvc.perform(complaint("10.6.1.200", phone, "门户测试建筑公司戊")).andReturn().getResponse()
                .getContentAsString());
        for (int i = 0; i < 2 * PortalSubmissions.LIMIT; i++) {
            mvc.perform(from(post("/portal/follow"), "10.6.1." + i).with(csrf()).param("code", "BBBBBBBBB" + i).param("phone", phone))
                    .andExpect(content().string(containsString("未找到记录")));
        }
        for (int i = 0; i < PortalSubmissions.LIMIT; i++) {
            mvc.perform(from(post("/portal/follow"), "10.6.1.99").with(csrf()).param("code", "CCCCCCCCC" + i).param("phone", phone));
        }
        mvc.perform(from(post("/portal/follow"), "10.6.1.99").with(csrf()).param("code", "CCCCCCCCCC").param("phone", phone))
                .andExpect(content().string(containsString("操作过于频繁")));
        mvc.perform(from(post("/portal/follow"), "10.6.1.201").with(csrf()).param("code", code).param("phone", phone))
                .andExpect(content().string(containsString("id=\"progress\"")))
                .andExpect(content().string(not(containsString("操作过于频繁"))));
    }

    @Test
    void automatedSubmissionsAndBadInputAreTurnedAway() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
        mvc.perform(complaint("10.6.0.7", "13907376607", "门户测试建筑公司丁").param("website", "http://spam"))
                .andExpect(content().string(containsString("表单异常")));
        PortalVisits visit = PortalVisits.open(mvc, sensitive, "10.6.0.7");
        String justNow = PortalVisits.stamp(sensitive, PortalVisits.sessionId(visit.session()), Instant.now());
        mvc.perform(complaint("10.6.0.7", "13907376607", "门户测试建筑公司丁", justNow).cookie(visit.session()))
                .andExpect(content().string(containsString("表单异常")));
        long forged = Instant.now().minusSeconds(60).getEpochSecond();
        mvc.perform(complaint("10.6.0.7", "13907376607", "门户测试建筑公司丁", forged + ".forged").cookie(visit.session()))
                .andExpect(content().string(containsString("表单异常")));
        mvc.perform(complaint("10.6.0.8", "13907376608", "门户测试建筑公司丁").param("idNumber", "430981198806120000"))
                .andExpect(content().string(containsString("身份证号不正确")));
        mvc.perform(complaint("10.6.0.8", "1390737", "门户测试建筑公司丁"))
                .andExpect(content().string(containsString("手机号格式不正确")));
        PortalVisits noCsrf = PortalVisits.open(mvc, sensitive, "10.6.0.9");
        mvc.perform(from(post("/portal/submit"), "10.6.0.9").cookie(noCsrf.session()).param("stamp", noCsrf.stamp())
                        .param("kind", "COMPLAINT"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as("refused without a CSRF token").isIn(302, 403));
        assertThat(jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anAnonymousReportKeepsNoIdentity() throws Exception {
        PortalVisits visit = PortalVisits.open(mvc, sensitive, "10.6.0.10");
        String html = mvc.perform(from(post("/portal/submit"), "10.6.0.10").cookie(visit.session())
                .param("stamp", visit.stamp()).with(csrf())
                .param("kind", "REPORT").param("anonymous", "true").param("phone", "13907376610")
                .param("employerName", "门户测试餐饮店").param("workers", "5").param("description", "五名服务员两个月工资未发"))
                .andReturn().getResponse().getContentAsString();
        long caseId = jdbc.sql("SELECT case_id FROM portal_submission WHERE query_code = :c").param("c", code(html))
                .query(Long.class).single();
        var row = jdbc.sql("SELECT anonymous, complainant_name, complainant_phone FROM case_file WHERE id = :id")
                .param("id", caseId).query().singleRow();
        assertThat(row.get("anonymous")).isEqualTo(true);
        assertThat(row.get("complainant_name")).isNull();
        assertThat(row.get("complainant_phone")).isNull();
    }

    @Test
    void aProjectCodeOpensItsRightsNoticeWithoutLogin() throws Exception {
        String name = jdbc.sql("SELECT name FROM project WHERE code = 'YJ-2021-004'").query(String.class).single();
        mvc.perform(get("/portal/notice").param("code", "yj-2021-004")).andExpect(status().isOk())
                .andExpect(content().string(containsString(name))).andExpect(content().string(containsString("12333")));
        mvc.perform(get("/portal/notice").param("code", "YJ-2099-999")).andExpect(status().isOk())
                .andExpect(content().string(containsString("未找到该项目编号")));
    }
}
