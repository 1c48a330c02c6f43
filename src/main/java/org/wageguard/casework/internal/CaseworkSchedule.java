package org.wageguard.casework.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseSupervision;
import org.wageguard.casework.ClueLedgers;
import org.wageguard.shared.ScheduledRuns;

/**
 * Casework's scheduled runs: supervision (督办) every night and the clue ledgers every Monday, each once per day
 * across every instance of the application ({@link ScheduledRuns}). Officers' runs on demand call the services
 * directly.
 */
@Component
class CaseworkSchedule {

    private final ScheduledRuns runs;
    private final CaseSupervision supervision;
    private final ClueLedgers clueLedgers;
    private final org.wageguard.casework.WorkingDays workingDays;
    private final org.wageguard.identity.Notifications notifications;

    CaseworkSchedule(ScheduledRuns runs, CaseSupervision supervision, ClueLedgers clueLedgers,
            org.wageguard.casework.WorkingDays workingDays, org.wageguard.identity.Notifications notifications) {
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.runs = runs;
        this.supervision = supervision;
        this.clueLedgers = clueLedgers;
    }

    @Scheduled(cron = "${wageguard.casework.supervision-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void supervision() {
        runs.nightly("casework.supervision", () -> supervision.run("system"));
    }

    /** The leadership offices are told, once, when the working-day calendar runs out within 60 days. */
    @Scheduled(cron = "${wageguard.casework.calendar-cron:0 45 1 * * *}", zone = "Asia/Shanghai")
    void calendarWarning() {
        runs.nightly("casework.calendar-warning", () -> "offices warned: "
                + workingDays.warnIfRunningOut(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), notifications));
    }

    @Scheduled(cron = "${wageguard.casework.clue-ledger-cron:0 0 8 * * MON}", zone = "Asia/Shanghai")
    void clueLedgers() {
        runs.nightly("casework.clue-ledgers", () -> "ledgers issued: " + clueLedgers.issue("system", ""));
    }
}
