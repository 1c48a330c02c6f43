package org.wageguard.monitoring.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wageguard.monitoring.RuleEvaluation;
import org.wageguard.shared.ScheduledRuns;

/**
 * The nightly run of every rule, once a night across every instance ({@link ScheduledRuns}). A bean of its own so
 * that the call goes through {@link RuleEvaluation}'s transactional proxy: the advisory lock that keeps a nightly run
 * and a project's month apart lives as long as that transaction.
 */
@Component
class NightlyEvaluation {

    private final ScheduledRuns runs;
    private final RuleEvaluation evaluation;

    NightlyEvaluation(ScheduledRuns runs, RuleEvaluation evaluation) {
        this.runs = runs;
        this.evaluation = evaluation;
    }

    @Scheduled(cron = "${wageguard.monitoring.nightly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void run() {
        runs.nightly("monitoring.rules", () -> {
            RuleEvaluation.Outcome outcome = evaluation.evaluateAll();
            if (!outcome.ran()) {
                // A project's month was being evaluated at that moment: not tonight's run, so not recorded as one.
                throw new IllegalStateException("rules being evaluated by another run; the next firing runs them");
            }
            return outcome;
        });
    }
}
