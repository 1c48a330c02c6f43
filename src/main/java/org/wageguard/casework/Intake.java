package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.wageguard.shared.MobilePhone;

/**
 * A new matter from any channel: the walk-in form, the hotline, a platform clue, the grid — and, through
 * {@link CaseIntake}, an inspection finding or an alert from other modules.
 */
public record Intake(Channel channel, CaseKind kind, String complainantName, MobilePhone complainantPhone,
        boolean anonymous, Long employerId, String employerName, Long projectId, String regionCode,
        String industryCode, LocalDate periodFrom, LocalDate periodTo, String description, List<Claimant> claimants,
        Long linkTo, LocalDate registeredOn, String externalRef, Integer declaredWorkers, BigDecimal declaredAmount) {

    /** A matter without an outside reference number (every channel but the national clue platform). */
    public Intake(Channel channel, CaseKind kind, String complainantName, MobilePhone complainantPhone,
            boolean anonymous, Long employerId, String employerName, Long projectId, String regionCode,
            String industryCode, LocalDate periodFrom, LocalDate periodTo, String description, List<Claimant> claimants,
            Long linkTo, LocalDate registeredOn) {
        this(channel, kind, complainantName, complainantPhone, anonymous, employerId, employerName, projectId,
                regionCode, industryCode, periodFrom, periodTo, description, claimants, linkTo, registeredOn, null,
                null, null);
    }

    /** Workers involved: those named, or the number a clue declares when it names none (or fewer). */
    public int workers() {
        return Math.max(claimants.size(), declaredWorkers == null ? 0 : declaredWorkers);
    }

    /** Amount claimed: the named workers' claims, or the amount a clue declares when they claim less. */
    public BigDecimal amountClaimed() {
        BigDecimal named = claimants.stream().map(Claimant::amountClaimed).reduce(BigDecimal.ZERO, BigDecimal::add);
        return declaredAmount != null && declaredAmount.compareTo(named) > 0 ? declaredAmount : named;
    }

    /** A worker who claims wages, with the ID number as typed or received (checked leniently). */
    public record Claimant(String name, String idNumber, BigDecimal amountClaimed) {
    }
}
