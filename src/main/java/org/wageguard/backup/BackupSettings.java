package org.wageguard.backup;

import java.time.OffsetDateTime;
import java.time.LocalTime;

/** The nightly backup as the system administrator set it: on or off, at what time, how many backups to keep. */
public record BackupSettings(boolean enabled, LocalTime runAt, int retention, OffsetDateTime updatedAt, String updatedBy) {

    public static final int MAX_RETENTION = 365;
}
