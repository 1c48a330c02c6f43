package org.wageguard.monitoring;

/** An alert's severity, from the most to the least urgent. */
public enum Severity {
    RED, ORANGE, YELLOW;

    /** One level more urgent (the Spring Festival window); red stays red. */
    public Severity raised() {
        return this == YELLOW ? ORANGE : RED;
    }
}
