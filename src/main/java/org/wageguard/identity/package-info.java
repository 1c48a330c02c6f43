/**
 * Identity and access: departments within regions, officers, roles, permission codes, typed data scopes,
 * login security (等保 2.0 level 3), the login and operation logs, code tables, and encryption of
 * sensitive numbers at rest. Persistence is explicit SQL through {@code JdbcClient}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "身份与权限", allowedDependencies = "shared")
package org.wageguard.identity;
