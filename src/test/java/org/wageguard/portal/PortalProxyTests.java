package org.wageguard.portal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Issue 14: behind the city's reverse proxy every visitor came from the proxy's address, so the portal's hourly limit
 * was shared by all of them; and X-Forwarded-For must not be believed from anyone but a configured proxy (the test
 * configuration trusts 192.0.2.10 and 192.0.2.128/28, {@code wageguard.security.trusted-proxies}).
 */
@DemoApplicationTest
class PortalProxyTests {

    static final String PROXY = "192.0.2.10";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    MockHttpServletRequestBuilder query(String peer, String forwardedFor, int i) {
        MockHttpServletRequestBuilder r = post("/portal/follow").with(req -> {
            req.setRemoteAddr(peer);
            return req;
        }).with(csrf()).param("code", "PROXYTEST" + (char) ('A' + i)).param("phone", "1390737990" + (i % 10));
        return forwardedFor == null ? r : r.header("X-Forwarded-For", forwardedFor);
    }

    long attemptsFrom(String address) {
        return jdbc.sql("SELECT count(*) FROM portal_attempt WHERE client_address = :a").param("a", address)
                .query(Long.class).single();
    }

    /** Attack, by accident: twice the hour's limit of visitors behind one proxy. None of them is turned away. */
    @Test
    void visitorsBehindATrustedProxyEachHaveTheirOwnLimit() throws Exception {
        for (int i = 0; i < 2 * PortalSubmissions.LIMIT; i++) {
            mvc.perform(query(PROXY, "203.0.113." + (10 + i), i)).andExpect(content().string(containsString("未找到记录")));
        }
        assertThat(attemptsFrom(PROXY)).isZero();
        assertThat(attemptsFrom("203.0.113.10")).isEqualTo(1);
    }

    /**
     * Attack: a client writes X-Forwarded-For itself — straight to the application, or in front of what the proxy
     * appends — to get a fresh limit with every request. Its own address is counted either way.
     */
    @Test
    void aForwardedForWrittenByTheClientIsNotBelieved() throws Exception {
        for (int i = 0; i < PortalSubmissions.LIMIT; i++) {
            mvc.perform(query("10.74.0.1", "198.51.100." + i, i)).andExpect(content().string(containsString("未找到记录")));
        }
        mvc.perform(query("10.74.0.1", "198.51.100.99", 9)).andExpect(content().string(containsString("操作过于频繁")));
        assertThat(attemptsFrom("198.51.100.0")).isZero();

        for (int i = 0; i < PortalSubmissions.LIMIT; i++) {
            mvc.perform(query(PROXY, "198.51.100." + (50 + i) + ", 203.0.113.60", i))
                    .andExpect(content().string(containsString("未找到记录")));
        }
        mvc.perform(query(PROXY, "198.51.100.98, 203.0.113.60", 9)).andExpect(content().string(containsString("操作过于频繁")));
        assertThat(attemptsFrom("203.0.113.60")).isEqualTo(PortalSubmissions.LIMIT + 1);
    }
}
