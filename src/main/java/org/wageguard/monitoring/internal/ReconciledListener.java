package org.wageguard.monitoring.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wageguard.monitoring.RuleEvaluation;
import org.wageguard.payroll.ProjectMonthReconciled;

/**
 * Re-evaluates a project's month once its reconciliation is committed, so that an alert appears (or clears) with the
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
        evaluation.evaluateProjectMonth(event.projectId(), event.month());
    }
}
