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
        Long linkTo, LocalDate registeredOn, String externalRef) {

    /** A matter without an outside reference number (every channel but the national clue platform). */
    public Intake(Channel channel, CaseKind kind, String complainantName, MobilePhone complainantPhone,
            boolean anonymous, Long employerId, String employerName, Long projectId, String regionCode,
            String industryCode, LocalDate periodFrom, LocalDate periodTo, String description, List<Claimant> claimants,
            Long linkTo, LocalDate registeredOn) {
        this(channel, kind, complainantName, complainantPhone, anonymous, employerId, employerName, projectId,
                regionCode, industryCode, periodFrom, periodTo, description, claimants, linkTo, registeredOn, null);
    }

    /** A worker who claims wages, with the ID number as typed or received (checked leniently). */
    public record Claimant(String name, String idNumber, BigDecimal amountClaimed) {
    }
}
