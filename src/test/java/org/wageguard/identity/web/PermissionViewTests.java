package org.wageguard.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The layout's permission checks answer as {@code hasAuthority}/{@code hasAnyAuthority}/{@code isAuthenticated} do. */
class PermissionViewTests {

    final PermissionView perm = new PermissionView();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficerHasExactlyTheAuthoritiesGranted() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("jiancha",
                null, List.of(new SimpleGrantedAuthority("casework:case:view"), new SimpleGrantedAuthority("employer:employer:view"))));
        assertThat(perm.authenticated()).isTrue();
        assertThat(perm.has("casework:case:view")).isTrue();
        assertThat(perm.has("casework:case")).isFalse();
        assertThat(perm.has("identity:user:view")).isFalse();
        assertThat(perm.any("identity:user:view", "employer:employer:view")).isTrue();
        assertThat(perm.any("identity:user:view", "identity:role:view")).isFalse();
    }

    @Test
    void nobodyAndAnAnonymousVisitorHaveNothing() {
        assertThat(perm.authenticated()).isFalse();
        assertThat(perm.has("casework:case:view")).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        assertThat(perm.authenticated()).isFalse();
        assertThat(perm.has("ROLE_ANONYMOUS")).isFalse();
    }
}
