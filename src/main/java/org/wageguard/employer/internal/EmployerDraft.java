package org.wageguard.employer.internal;

import org.wageguard.employer.EmployerType;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.shared.CreditCode;
import org.wageguard.shared.MobilePhone;

/** An employer that passed every check: what the registry writes. */
public record EmployerDraft(String name, CreditCode creditCode, EmployerType type, String industryCode,
        String regionCode, long supervisingDepartmentId, String address, String legalRepresentative,
        String contactPerson, MobilePhone contactPhone, boolean laborIntensive, boolean keyEnterprise, String gridCode,
        OperatingStatus operatingStatus, Integer employeeCount) {
}
