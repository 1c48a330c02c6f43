package org.wageguard.portal.web;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.SensitiveData;
import org.wageguard.portal.PortalVisits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 14: the portal form's stamp (shown-at time, signed) could be taken from one visit and replayed from any other
 * session and address, as often as wanted, so a bot needed to fetch the form once. Now a stamp is bound to the session
 * it was shown in and is spent by a submission.
 */
@DemoApplicationTest
class PortalStampTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;
    @Autowired Clock clock;

    MockHttpServletRequestBuilder report(String address, Cookie session, String stamp, String employer) {
        MockHttpServletRequestBuilder r = post("/portal/submit").with(req -> {
            req.setRemoteAddr(address);
            return req;
        }).with(csrf()).param("stamp", stamp).param("kind", "REPORT").param("anonymous", "true")
                .param("phone", "13907378801").param("employerName", employer).param("workers", "2")
                .param("description", "工地拖欠工资两个月").param("website", "");
        return session == null ? r : r.cookie(session);
    }

    long cases(String employer) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE employer_name = :e").param("e", employer)
                .query(Long.class).single();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    /** Attack: one genuine stamp replayed from another session, without a session, and twice in its own. */
    @Test
    void aStampCountsOnlyInTheSessionItWasShownInAndOnlyOnce() throws Exception {
        String employer = "门户盖章重放测试公司" + System.nanoTime();
        PortalVisits visit = PortalVisits.open(mvc, sensitive, "10.8.0.1");
        // The stamp as the form signs it (the controller's own method), shown a minute ago by the application's clock.
        String stamp = PortalController.stamp(sensitive, PortalVisits.sessionId(visit.session()),
                Instant.now(clock).minusSeconds(60));
        assertThat(stamp).isEqualTo(visit.stamp());
        PortalVisits other = PortalVisits.open(mvc, sensitive, "10.8.0.2");

        assertThat(page(report("10.8.0.2", other.session(), stamp, employer))).contains("表单异常");
        assertThat(page(report("10.8.0.3", null, stamp, employer))).contains("表单异常");
        assertThat(cases(employer)).isZero();

        var first = mvc.perform(report("10.8.0.1", visit.session(), stamp, employer)).andReturn().getResponse();
        assertThat(first.getContentAsString()).contains("query-code");
        assertThat(cases(employer)).isEqualTo(1);
        Cookie renewed = first.getCookie("SESSION");
        assertThat(renewed).as("the session id is renewed by the submission").isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(visit.session().getValue());

        // The old session id is gone (the visitor is sent to start again); the renewed session does not take the stamp.
        assertThat(page(report("10.8.0.1", visit.session(), stamp, employer))).doesNotContain("query-code");
        assertThat(page(report("10.8.0.1", renewed, stamp, employer))).contains("表单异常");
        assertThat(cases(employer)).as("the replays registered nothing").isEqualTo(1);
    }
}
