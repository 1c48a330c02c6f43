package org.wageguard.backup;

import java.time.OffsetDateTime;

/**
 * One backup, made or attempted: when, why, by whom, with what result, and where its folder is (until retention
 * deletes it).
 */
public record BackupRun(long id, Kind kind, String requestedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, Result result,
        String folder, Long sizeBytes, String checksum, String message, OffsetDateTime deletedAt) {

    public enum Kind { SCHEDULED, MANUAL }

    public enum Result { RUNNING, SUCCESS, FAILURE, SKIPPED }

    public boolean kept() {
        return result == Result.SUCCESS && deletedAt == null;
    }
}
