package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project as other modules see it: identified by id and code, with its parties and scope columns. */
public record ProjectSummary(long id, String code, String name, String regionCode, String regionName,
        long departmentId, String departmentName, long ownerId, String ownerName, long generalContractorId,
        String generalContractorName, String contractorCode, String address, String wageOfficerName,
        boolean governmentInvested, BigDecimal contractValue, BigDecimal plannedLaborCost, LocalDate contractDate,
        LocalDate startDate, LocalDate plannedCompletion, ProjectStatus status, int version, String industryCode,
        String industryName) {
}
