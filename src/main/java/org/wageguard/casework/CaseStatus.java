package org.wageguard.casework;

import java.util.Set;

/** Where a case stands. Open states are the ones that still owe the workers something. */
public enum CaseStatus {
    REGISTERED, REFUSED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED, PAYMENT_VERIFIED, CLOSED, TRACKING_ENDED,
    WITHDRAWN;

    public static final Set<CaseStatus> OPEN = Set.of(REGISTERED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED,
            PAYMENT_VERIFIED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
