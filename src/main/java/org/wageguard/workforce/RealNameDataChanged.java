package org.wageguard.workforce;

import java.time.YearMonth;
import java.util.Set;

/**
 * A project's roster or attendance changed through an import. Listeners react once the import committed (the roster
 * publishes it inside its transaction, attendance after its commit): a listener that fails does not undo the import.
 *
 * @param months the months whose data changed; empty when the roster changed, which touches every month
 */
public record RealNameDataChanged(long projectId, Set<YearMonth> months) {

    public RealNameDataChanged {
        months = Set.copyOf(months);
    }
}
