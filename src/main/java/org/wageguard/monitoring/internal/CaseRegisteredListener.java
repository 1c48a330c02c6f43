package org.wageguard.monitoring.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseRegistered;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleEvaluation;

/**
 * Complaints concentrating on one employer or project (rule 11) are re-counted as soon as a matter is registered, not
 * the next night; after the registration commits, and never undoing it.
 */
@Component
class CaseRegisteredListener {

    private static final Logger log = LoggerFactory.getLogger(CaseRegisteredListener.class);

    private final RuleEvaluation evaluation;

    CaseRegisteredListener(RuleEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @EventListener
    void on(CaseRegistered event) {
        AfterCommit.run(() -> evaluate(event));
    }

    private void evaluate(CaseRegistered event) {
        try {
            evaluation.evaluateStanding(Set.of(RuleCode.R11));
        } catch (RuntimeException e) {
            log.warn("Complaint concentration after case {} failed; the nightly run will retry", event.caseId(), e);
        }
    }
}
