package org.wageguard.employer.internal;

import org.wageguard.employer.EmployerType;
import org.wageguard.employer.OperatingStatus;

/**
 * An employer as entered, by a form or by one row of an import, before its checks. The field names are the keys
 * under which {@link EmployerChecks} reports problems.
 */
public record EmployerFields(String name, String creditCode, EmployerType type, String industryCode,
        String regionCode, Long supervisingDepartmentId, String address, String legalRepresentative,
        String contactPerson, String contactPhone, boolean laborIntensive, boolean keyEnterprise, String gridCode,
        OperatingStatus operatingStatus, Integer employeeCount) {
}
