package org.wageguard.workforce;

import java.time.YearMonth;
import java.util.Set;

/**
 * A project's roster or attendance changed through an import. Published inside the import's transaction, so a
 * listener that fails rolls the import back with it.
 *
 * @param months the months whose data changed; empty when the roster changed, which touches every month
 */
public record RealNameDataChanged(long projectId, Set<YearMonth> months) {

    public RealNameDataChanged {
        months = Set.copyOf(months);
    }
}
