package org.wageguard.inspection.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wageguard.inspection.Inspections;
import org.wageguard.shared.ScheduledRuns;

/** Every night, once across every instance ({@link ScheduledRuns}): rectification orders past their deadline reported. */
@Component
class InspectionSchedule {

    private final ScheduledRuns runs;
    private final Inspections inspections;

    InspectionSchedule(ScheduledRuns runs, Inspections inspections) {
        this.runs = runs;
        this.inspections = inspections;
    }

    @Scheduled(cron = "${wageguard.inspection.overdue-cron:0 45 1 * * *}", zone = "Asia/Shanghai")
    void overdueOrders() {
        runs.nightly("inspection.overdue-orders", () -> "orders reported: " + inspections.notifyOverdue());
    }
}
