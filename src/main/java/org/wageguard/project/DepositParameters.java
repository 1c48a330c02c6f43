package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A region's wage-deposit rules from a date on (MOHRSS 2021 No. 65): the rate (1–3 % of the contract value),
 * the lower rate for a contractor with several projects in the region, the exemption of small contracts, and
 * the adjustments for the contractor's record. Local practice, hence parameters, never constants.
 */
public record DepositParameters(String regionCode, LocalDate effectiveFrom, BigDecimal baseRate,
        BigDecimal multiProjectRate, int multiProjectThreshold, BigDecimal exemptBelow,
        BigDecimal cleanTwoYearsFactor, BigDecimal arrearsFactor, BigDecimal blacklistFactor) {
}
