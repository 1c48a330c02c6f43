package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.wageguard.shared.MobilePhone;

/** What an officer registers about a project; validated by the form before it gets here. */
public record ProjectDraft(String code, String name, String regionCode, long departmentId, long ownerId,
        long generalContractorId, String address, String wageOfficerName, MobilePhone wageOfficerPhone,
        boolean governmentInvested, BigDecimal contractValue, BigDecimal plannedLaborCost, LocalDate contractDate,
        LocalDate startDate, LocalDate plannedCompletion, ProjectStatus status) {
}
