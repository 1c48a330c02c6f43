package org.wageguard.monitoring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wageguard.monitoring.RuleEvaluation;

/**
 * The nightly run of every rule. A bean of its own so that the call goes through {@link RuleEvaluation}'s transactional
 * proxy: the advisory lock that keeps instances apart lives as long as that transaction.
 */
@Component
class NightlyEvaluation {

    private static final Logger log = LoggerFactory.getLogger(NightlyEvaluation.class);

    private final RuleEvaluation evaluation;

    NightlyEvaluation(RuleEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Scheduled(cron = "${wageguard.monitoring.nightly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void run() {
        log.info("Early warning: {}", evaluation.evaluateAll());
    }
}
