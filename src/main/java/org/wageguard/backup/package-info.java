/**
 * Backups (数据备份): the database and the encryption key file together in one dated folder with checksums, on
 * demand and every night at the time the system administrator sets, keeping the newest N; and the restore of such a
 * folder into a fresh, empty database when the application starts ({@code wageguard.backup.restore-from}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "数据备份", allowedDependencies = {"shared", "identity"})
package org.wageguard.backup;
