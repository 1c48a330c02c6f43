package org.wageguard.identity;

import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wageguard.identity.internal.OfficerDetailsService;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs a MockMvc request in as a real officer from the database, with their roles and scope. */
@Component
public class Logins {

    private final OfficerDetailsService officers;

    Logins(OfficerDetailsService officers) {
        this.officers = officers;
    }

    public RequestPostProcessor as(String username) {
        return user(officers.loadUserByUsername(username).withoutSecret());
    }

    public OfficerPrincipal principal(String username) {
        return officers.loadUserByUsername(username).withoutSecret();
    }
}
