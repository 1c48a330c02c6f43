package org.wageguard.monitoring.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wageguard.monitoring.RuleEvaluation;
import org.wageguard.payroll.ProjectMonthReconciled;

/**
 * Re-evaluates a project's months once their reconciliation is committed (the months reconciled together at once), so that an alert appears (or clears) with the
 * data that caused it rather than the next night. An application-module listener: it runs after the commit, in a
 * transaction of its own, never undoing the import that triggered it; the event publication registry keeps the event
 * until the evaluation has succeeded and republishes it when the application starts again.
 */
@Component
class ReconciledListener {

    private final RuleEvaluation evaluation;

    ReconciledListener(RuleEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @ApplicationModuleListener
    void on(ProjectMonthReconciled event) {
        // The months of a project reconciled together (an import's changed months) are evaluated in one pass.
        if (event.lastOfTogether()) {
            evaluation.evaluateProjectMonths(event.projectId(), event.together());
        }
    }
}
