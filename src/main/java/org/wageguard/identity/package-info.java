/**
 * Identity and access: departments within regions, officers, roles, permission codes, typed data scopes,
 * login security (等保 2.0 level 3), the login and operation logs, code tables, and encryption of
 * sensitive numbers at rest. Persistence is explicit SQL through {@code JdbcClient}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "身份与权限", allowedDependencies = "shared")
@org.wageguard.shared.PublishedTables(read = {"region", "department", "industry_sector", "officer_directory", "officer_role"},
        referenced = {"region", "department", "industry_sector", "officer", "role", "permission"},
        seeded = {"permission", "role", "role_permission"})
package org.wageguard.identity;
