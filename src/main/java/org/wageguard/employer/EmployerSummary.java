package org.wageguard.employer;

/** What other modules need to know of an employer; {@code blacklisted} is as of today. */
public record EmployerSummary(long id, String name, String creditCode, EmployerType type, String industryCode,
        String regionCode, Long supervisingDepartmentId, boolean blacklisted) {
}
