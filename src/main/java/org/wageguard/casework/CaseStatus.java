package org.wageguard.casework;

import java.util.Set;

/** Where a case stands. Open states are the ones that still owe the workers something. */
public enum CaseStatus {
    REGISTERED, REFUSED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED, PAYMENT_VERIFIED, CLOSED, TRACKING_ENDED,
    WITHDRAWN;

    public static final Set<CaseStatus> OPEN = Set.of(REGISTERED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED,
            PAYMENT_VERIFIED);

    /**
     * The states of a matter still followed: open, or closed and under follow-up (回访、持续跟踪) until tracking ends —
     * the clue ledgers handed to departments list these (the seed's "对各欠薪线索进行再核查和持续跟踪").
     */
    public static final Set<CaseStatus> TRACKED = Set.of(REGISTERED, ACCEPTED, COORDINATING, FILED, ORDERED, RESOLVED,
            PAYMENT_VERIFIED, CLOSED);

    /** The tracked states' names, for SQL parameters. */
    public static java.util.List<String> trackedNames() {
        return TRACKED.stream().map(Enum::name).sorted().toList();
    }

    /** The open states' names, for SQL parameters. */
    public static java.util.List<String> openNames() {
        return OPEN.stream().map(Enum::name).sorted().toList();
    }

    public boolean open() {
        return OPEN.contains(this);
    }
}
