package org.wageguard.monitoring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.wageguard.monitoring.RuleEvaluation;
import org.wageguard.payroll.ProjectMonthReconciled;

/**
 * Re-evaluates a project's month once its reconciliation is committed, so that an alert appears (or clears) with the
 * data that caused it rather than the next night. A failure here never undoes the import that triggered it.
 */
@Component
class ReconciledListener {

    private static final Logger log = LoggerFactory.getLogger(ReconciledListener.class);

    private final RuleEvaluation evaluation;

    ReconciledListener(RuleEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @EventListener
    void on(ProjectMonthReconciled event) {
        AfterCommit.run(() -> evaluate(event));
    }

    private void evaluate(ProjectMonthReconciled event) {
        try {
            evaluation.evaluateProjectMonth(event.projectId(), event.month());
        } catch (RuntimeException e) {
            log.warn("Early warning for project {} month {} failed; the nightly run will retry", event.projectId(),
                    event.month(), e);
        }
    }
}
