package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.wageguard.shared.MobilePhone;

/** What an officer registers about a project; validated by the form before it gets here. */
public record ProjectDraft(String code, String name, String regionCode, long departmentId, long ownerId,
        long generalContractorId, String address, String wageOfficerName, MobilePhone wageOfficerPhone,
        boolean governmentInvested, BigDecimal contractValue, BigDecimal plannedLaborCost, LocalDate contractDate,
        LocalDate startDate, LocalDate plannedCompletion, ProjectStatus status, String industryCode) {

    /**
     * A draft that says nothing of the project's sector (GB/T 4754): registering leaves it empty, updating keeps the
     * sector already recorded.
     */
    public ProjectDraft(String code, String name, String regionCode, long departmentId, long ownerId,
            long generalContractorId, String address, String wageOfficerName, MobilePhone wageOfficerPhone,
            boolean governmentInvested, BigDecimal contractValue, BigDecimal plannedLaborCost, LocalDate contractDate,
            LocalDate startDate, LocalDate plannedCompletion, ProjectStatus status) {
        this(code, name, regionCode, departmentId, ownerId, generalContractorId, address, wageOfficerName,
                wageOfficerPhone, governmentInvested, contractValue, plannedLaborCost, contractDate, startDate,
                plannedCompletion, status, null);
    }
}
