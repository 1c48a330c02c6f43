package org.wageguard.identity.internal;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 14: over HTTPS — directly, or behind a TLS-terminating proxy that says so from a trusted address (the test
 * configuration trusts 192.0.2.10) — the answer carries HSTS and the session cookie is {@code Secure}; plain HTTP (the
 * demo) works as before; and nobody else can claim HTTPS or a client address by header.
 */
@DemoApplicationTest
class HttpsTests {

    static final String PASSWORD = "Demo@2021";
    static final String PROXY = "192.0.2.10";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder r, String peer) {
        return r.with(req -> {
            req.setRemoteAddr(peer);
            return req;
        });
    }

    MockHttpServletResponse login(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).param("username", "jiancha").param("password", PASSWORD)).andReturn()
                .getResponse();
    }

    @Test
    void plainHttpHasNoHstsAndAPlainCookieAndSignsIn() throws Exception {
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
        MockHttpServletResponse response = login(post("/login"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(response.getCookie("SESSION").getSecure()).isFalse();
    }

    @Test
    void httpsHasHstsAndASecureCookie() throws Exception {
        assertThat(mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000");
        MockHttpServletResponse response = login(post("/login").secure(true));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(response.getCookie("SESSION").getSecure()).isTrue();
        assertThat(response.getCookie("SESSION").isHttpOnly()).isTrue();
    }

    /** Attack, by accident: behind a TLS-terminating proxy the application saw plain HTTP — no HSTS, no Secure cookie. */
    @Test
    void behindATrustedTlsProxyHasHstsAndASecureCookieAndLogsTheClient() throws Exception {
        assertThat(mvc.perform(from(get("/portal"), PROXY).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.80")).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        MockHttpServletResponse response = login(from(post("/login"), PROXY).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.81"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        Cookie session = response.getCookie("SESSION");
        assertThat(session.getSecure()).isTrue();
        assertThat(jdbc.sql("SELECT ip FROM login_log WHERE username = 'jiancha' AND success ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).as("the login log names the client, not the proxy").isEqualTo("203.0.113.81");
    }

    @Test
    void anyoneElseClaimingHttpsOrAnAddressByHeaderIsIgnored() throws Exception {
        assertThat(mvc.perform(from(get("/login"), "10.75.0.1").header("X-Forwarded-Proto", "https"))
                .andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
        MockHttpServletResponse response = login(from(post("/login"), "10.75.0.1").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.82"));
        assertThat(response.getCookie("SESSION").getSecure()).isFalse();
        assertThat(jdbc.sql("SELECT ip FROM login_log WHERE username = 'jiancha' AND success ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("10.75.0.1");
    }
}
