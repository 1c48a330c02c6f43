package org.wageguard.employer;

/** Whether the employer is working: a halted or half-running one still employing workers is an arrears risk. */
public enum OperatingStatus {
    NORMAL, HALTED, HALF_RUNNING, CLOSED
}
