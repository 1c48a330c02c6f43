package org.wageguard.backup;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where backups go and which PostgreSQL client programs make and restore them (file settings, not the page: an
 * administrator's browser never names a path on the server).
 *
 * @param directory   the folder the dated backup folders are written into
 * @param pgBin       the folder holding {@code pg_dump} and {@code pg_restore} of PostgreSQL 15 (or newer)
 * @param timeout     how long one dump or restore may take before it is stopped
 * @param restoreFrom a backup folder to restore into the (empty) database at start, before the migrations
 */
@ConfigurationProperties("wageguard.backup")
public record BackupProperties(Path directory, Path pgBin, Duration timeout, Path restoreFrom) {

    public BackupProperties {
        directory = (directory == null ? Path.of("backups") : directory).toAbsolutePath().normalize();
        pgBin = pgBin == null ? Path.of("/usr/lib/postgresql/15/bin") : pgBin;
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
    }
}
