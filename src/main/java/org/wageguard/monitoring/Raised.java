package org.wageguard.monitoring;

import java.util.List;

/**
 * What a rule found about one subject in one period: the alert to open, or to update when the same rule already
 * fired on the same subject and period. {@code evidence} is a table whose first row is the header.
 */
public record Raised(RuleCode rule, SubjectKind subjectKind, long subjectId, String subjectName, String period,
        Severity severity, String reason, List<List<String>> evidence, String regionCode, Long departmentId,
        Long projectId, Long employerId) {

    /** The identity that makes a re-fire an update, never a duplicate. */
    public String key() {
        return rule + "/" + subjectKind + "/" + subjectId + "/" + period;
    }

    public Raised with(Severity newSeverity, String newReason) {
        return new Raised(rule, subjectKind, subjectId, subjectName, period, newSeverity, newReason, evidence,
                regionCode, departmentId, projectId, employerId);
    }
}
