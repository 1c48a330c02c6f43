package org.wageguard.workforce;

import java.util.Locale;
import java.util.Optional;

/**
 * What a roster upload says about the workers it does not list. A roster is a history: a worker enters and leaves a
 * project on dates, and an upload never erases the earlier months' workers.
 */
public enum RosterMode {
    /** The full current roster (完整花名册): a worker it does not list leaves on the upload's effective date. */
    FULL,
    /** Additions only (新增人员): the listed workers join or have their lines updated; nobody leaves. */
    ADDITIONS;

    /** {@code full} or {@code additions} (any case); empty for anything else. */
    public static Optional<RosterMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> Optional.of(FULL);
            case "additions" -> Optional.of(ADDITIONS);
            default -> Optional.empty();
        };
    }
}
