package org.wageguard.identity.web;

import java.util.Arrays;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's permissions for the page layout ({@code th:if="${@perm.has('casework:case:view')}"}): the same
 * answer as {@code sec:authorize="hasAuthority(…)"}, which parses an expression and looks the expression handler up
 * among all beans on every use — twenty times in every page's menu. Only hides links; every endpoint checks the
 * permission itself.
 */
@Component("perm")
public class PermissionView {

    public boolean has(String authority) {
        return any(authority);
    }

    public boolean any(String... authorities) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (Arrays.asList(authorities).contains(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    public boolean authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
