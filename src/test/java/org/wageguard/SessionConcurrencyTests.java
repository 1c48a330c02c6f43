package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/** Sessions live in PostgreSQL; two requests of one session writing the same new attribute must both succeed. */
@DemoApplicationTest
class SessionConcurrencyTests {

    @SuppressWarnings("rawtypes")
    @Autowired SessionRepository sessions;

    @Test
    @SuppressWarnings("unchecked")
    void twoRequestsAddingTheSameAttributeToOneSessionBothSave() {
        Session created = sessions.createSession();
        sessions.save(created);
        // Two requests in flight together: each has read the session before either wrote the new attribute.
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());
        first.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "a");
        second.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "b");
        sessions.save(first);
        sessions.save(second);
        assertThat((String) ((Session) sessions.findById(created.getId()))
                .getAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN")).isEqualTo("b");
        sessions.deleteById(created.getId());
    }
}
