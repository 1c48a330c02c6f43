package org.wageguard.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.identity.SensitiveData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A visitor who opened the portal's form: their session cookie, and the form's signed stamp as if the form had been
 * shown a minute ago (so the minimum fill time has passed without the test waiting). The stamp is computed here,
 * independently of the code under test, from the session id the cookie carries (Spring Session's cookie is the
 * base64 of the id).
 */
public record PortalVisits(Cookie session, String stamp) {

    public static PortalVisits open(MockMvc mvc, SensitiveData sensitive, String address) throws Exception {
        Cookie session = mvc.perform(get("/portal/submit").with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("showing the form opens a session").isNotNull();
        return new PortalVisits(session, stamp(sensitive, sessionId(session), Instant.now().minusSeconds(60)));
    }

    public static String sessionId(Cookie session) {
        return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII);
    }

    public static String stamp(SensitiveData sensitive, String sessionId, Instant shown) {
        long seconds = shown.getEpochSecond();
        return seconds + "." + sensitive.index("portal-form|" + sessionId + "|" + seconds);
    }
}
