package org.wageguard.monitoring;

/**
 * A red alert was opened: it reaches the department it names (or the region's leadership office), whose officers may
 * have chosen a text message for it (messaging).
 */
public record RedAlertRaised(long alertId, RuleCode rule, String subjectName, String regionCode, Long departmentId) {
}
