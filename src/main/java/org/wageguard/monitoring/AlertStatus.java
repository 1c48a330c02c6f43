package org.wageguard.monitoring;

/** open → acknowledged → resolved, or dismissed with a reason. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, DISMISSED;

    public boolean unresolved() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
