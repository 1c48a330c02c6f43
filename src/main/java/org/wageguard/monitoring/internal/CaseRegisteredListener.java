package org.wageguard.monitoring.internal;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseRegistered;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleEvaluation;

/**
 * Complaints concentrating on one employer or project (rule 11) are re-counted as soon as a matter is registered, not
 * the next night: after the registration commits, in a transaction of its own and never undoing it; the event
 * publication registry keeps the event until the count has succeeded and republishes it at the next start.
 */
@Component
class CaseRegisteredListener {

    private final RuleEvaluation evaluation;

    CaseRegisteredListener(RuleEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @ApplicationModuleListener
    void on(CaseRegistered event) {
        evaluation.evaluateStanding(Set.of(RuleCode.R11));
    }
}
