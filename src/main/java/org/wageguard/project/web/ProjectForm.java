package org.wageguard.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.wageguard.project.ProjectStatus;

/** The registration form of a project; money in yuan with at most two decimals. */
record ProjectForm(
        @NotBlank(message = "{project.code.required}") @Pattern(regexp = "[A-Za-z0-9-]{4,40}", message = "{project.code.format}") String code,
        @NotBlank(message = "{project.name.required}") @Size(max = 200) String name,
        @NotBlank(message = "{project.region.required}") String regionCode,
        @NotNull(message = "{project.department.required}") Long departmentId,
        @NotNull(message = "{project.owner.required}") Long ownerId,
        @NotNull(message = "{project.contractor.required}") Long generalContractorId,
        @Size(max = 200) String address,
        @Size(max = 64) String wageOfficerName,
        String wageOfficerPhone,
        Boolean governmentInvested,
        @NotNull(message = "{project.contractValue.required}") @DecimalMin(value = "0", message = "{project.money.negative}") @Digits(integer = 14, fraction = 2, message = "{project.money.format}") BigDecimal contractValue,
        @DecimalMin(value = "0", message = "{project.money.negative}") @Digits(integer = 14, fraction = 2, message = "{project.money.format}") BigDecimal plannedLaborCost,
        @NotNull(message = "{project.contractDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedCompletion,
        @NotNull ProjectStatus status,
        Integer version,
        String industryCode) {
}
