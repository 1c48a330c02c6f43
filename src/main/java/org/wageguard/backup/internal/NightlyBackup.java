package org.wageguard.backup.internal;

import java.time.Clock;
import java.time.ZonedDateTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wageguard.backup.Backups;

/**
 * Looks every minute whether the nightly backup is due (its time is a setting in the database, changed on the page
 * without a restart); {@link Backups#runIfDue} decides and keeps instances apart.
 */
@Component
class NightlyBackup {

    private final Backups backups;
    private final Clock clock;

    NightlyBackup(Backups backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @Scheduled(cron = "${wageguard.backup.check-cron:0 * * * * *}", zone = "Asia/Shanghai")
    void check() {
        backups.runIfDue(ZonedDateTime.now(clock));
    }
}
