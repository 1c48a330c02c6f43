package org.wageguard.payroll;

import java.time.YearMonth;
import java.util.Map;

/**
 * One project and month was reconciled (after any import that changed its data): one event per project-month, not
 * per finding, for the monitoring module.
 *
 * @param countsBySeverity findings by severity code ({@code red}, {@code orange}, {@code yellow}; all three present)
 */
public record ProjectMonthReconciled(long projectId, YearMonth month, Map<String, Long> countsBySeverity) {

    public ProjectMonthReconciled {
        countsBySeverity = Map.copyOf(countsBySeverity);
    }
}
