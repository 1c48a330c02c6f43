package org.wageguard.retention.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wageguard.retention.RetentionRuns;
import org.wageguard.shared.ScheduledRuns;

/**
 * The nightly retention run, once a night across every instance ({@link ScheduledRuns}), at 03:30 China Standard
 * Time (after the nightly backup's usual time, so that last night's backup still holds what tonight anonymises).
 */
@Component
class NightlyRetention {

    private final ScheduledRuns runs;
    private final RetentionRuns retention;
    private final Clock clock;

    NightlyRetention(ScheduledRuns runs, RetentionRuns retention, Clock clock) {
        this.runs = runs;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${wageguard.retention.nightly-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void run() {
        runs.nightly("retention.anonymise", () -> {
            RetentionRuns.Run run = retention.run(LocalDate.now(clock), "system", false);
            return "records anonymised: " + run.total();
        });
    }
}
