package org.wageguard.casework;

import java.util.Set;

/** Where a case stands. Open states are the ones that still owe the workers something. */
public enum CaseStatus {
    REGISTERED, REFUSED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED, PAYMENT_VERIFIED, CLOSED, TRACKING_ENDED,
    WITHDRAWN;

    public static final Set<CaseStatus> OPEN = Set.of(REGISTERED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED,
            PAYMENT_VERIFIED);

    /** The open states' names, for SQL parameters. */
    public static java.util.List<String> openNames() {
        return OPEN.stream().map(Enum::name).sorted().toList();
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
