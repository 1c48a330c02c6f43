package org.wageguard.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in officer as the rest of the system sees them: who, where, which roles and permission codes,
 * and the resolved data scope. Kept in the (database-backed) session, hence serializable.
 */
public record OfficerPrincipal(long id, String username, String displayName, String passwordHash, boolean enabled,
        boolean locked, boolean passwordExpired, String regionCode, Long departmentId, String departmentName,
        String organisationName, Set<String> roles, Set<String> permissions, DataScope scope)
        implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean hasPermission(String code) {
        return permissions.contains(code);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return java.util.stream.Stream.concat(permissions.stream(), roles.stream().map(r -> "ROLE_" + r))
                .map(SimpleGrantedAuthority::new).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isCredentialsNonExpired() {
        return !passwordExpired;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The principal as stored in the session: no password hash travels with it. */
    public OfficerPrincipal withoutSecret() {
        return new OfficerPrincipal(id, username, displayName, "", enabled, locked, passwordExpired, regionCode,
                departmentId, departmentName, organisationName, roles, permissions, scope);
    }
}
