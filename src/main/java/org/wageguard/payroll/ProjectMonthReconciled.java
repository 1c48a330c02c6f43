package org.wageguard.payroll;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One project and month was reconciled (after any import that changed its data): one event per project-month, not
 * per finding, for the monitoring module.
 *
 * @param countsBySeverity findings by severity code ({@code red}, {@code orange}, {@code yellow}; all three present)
 * @param together         the months of the project reconciled together with this one after one change (this one
 *                         included, oldest first): what derives from several months (early warning) is done once for
 *                         all of them, on the event of the last
 */
public record ProjectMonthReconciled(long projectId, YearMonth month, Map<String, Long> countsBySeverity,
        List<YearMonth> together) {

    public ProjectMonthReconciled {
        countsBySeverity = Map.copyOf(countsBySeverity);
        together = together == null || together.isEmpty() ? List.of(month) : List.copyOf(together);
    }

    public ProjectMonthReconciled(long projectId, YearMonth month, Map<String, Long> countsBySeverity) {
        this(projectId, month, countsBySeverity, List.of(month));
    }

    /** The last event of the months reconciled together: the one on which their derived work is done. */
    public boolean lastOfTogether() {
        return month.equals(together.get(together.size() - 1));
    }
}
