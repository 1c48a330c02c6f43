package org.wageguard.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.Rows;

/** Loads an officer with roles, permission codes and the resolved data scope. */
@Service
public class OfficerDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Departments departments;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;

    OfficerDetailsService(JdbcClient jdbc, Departments departments, PasswordPolicy passwordPolicy, Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    private record Row(long id, String username, String displayName, String passwordHash, boolean enabled,
            Timestamp lockedUntil, Timestamp passwordChangedAt, String regionCode, Long departmentId,
            String departmentName, String organisationCode, String organisationName, String gridCode) {
    }

    @Override
    @Transactional(readOnly = true)
    public OfficerPrincipal loadUserByUsername(String username) {
        Row row = jdbc.sql("""
                SELECT o.id, o.username, o.display_name, o.password_hash, o.enabled, o.locked_until,
                       o.password_changed_at, o.region_code, o.department_id, d.name AS department_name,
                       o.organisation_code, o.organisation_name, o.grid_code
                  FROM officer o LEFT JOIN department d ON d.id = o.department_id
                 WHERE o.username = :username
                """).param("username", username).query(Rows.of(Row.class)).optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return principal(row);
    }

    @Transactional(readOnly = true)
    public OfficerPrincipal reload(long officerId) {
        String username = jdbc.sql("SELECT username FROM officer WHERE id = :id").param("id", officerId)
                .query(String.class).single();
        return loadUserByUsername(username).withoutSecret();
    }

    private OfficerPrincipal principal(Row row) {
        Set<String> roles = new LinkedHashSet<>(jdbc.sql("""
                SELECT r.code FROM officer_role x JOIN role r ON r.code = x.role_code
                 WHERE x.officer_id = :id ORDER BY r.sort_order
                """).param("id", row.id()).query(String.class).list());
        Set<String> permissions = new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT p.permission_code FROM officer_role x JOIN role_permission p ON p.role_code = x.role_code
                 WHERE x.officer_id = :id
                """).param("id", row.id()).query(String.class).list());
        DataScopeType type = null;
        for (String scope : jdbc.sql("""
                SELECT r.data_scope FROM officer_role x JOIN role r ON r.code = x.role_code WHERE x.officer_id = :id
                """).param("id", row.id()).query(String.class).list()) {
            type = DataScopeType.valueOf(scope).widest(type);
        }
        if (type == null) {
            type = DataScopeType.SELF;
        }
        Set<Long> departmentIds = row.departmentId() == null ? Set.of()
                : type == DataScopeType.DEPARTMENT_AND_BELOW ? departments.subtree(row.departmentId())
                : Set.of(row.departmentId());
        DataScope scope = new DataScope(type, row.regionCode(), departmentIds, row.organisationCode(), row.gridCode(),
                row.id());
        Instant now = clock.instant();
        boolean locked = row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(now);
        boolean expired = passwordPolicy.expiryDays() > 0 && row.passwordChangedAt().toInstant()
                .plus(Duration.ofDays(passwordPolicy.expiryDays())).isBefore(now);
        return new OfficerPrincipal(row.id(), row.username(), row.displayName(), row.passwordHash(), row.enabled(),
                locked, expired, row.regionCode(), row.departmentId(), row.departmentName(), row.organisationName(),
                Set.copyOf(roles), Set.copyOf(permissions), scope);
    }
}
