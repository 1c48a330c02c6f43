package org.wageguard.employer;

/**
 * An employer's record as the wage-deposit rules of Decree 724 Art. 32 (MOHRSS 2021 No. 65) read it: arrears in
 * the last two years (+50 %), on the blacklist (+100 %), and whole clean years (−50 % after two, exempt after
 * three), counted from the last arrears or from registration, capped at 3.
 */
public record ArrearsStanding(boolean arrearsInLastTwoYears, boolean blacklisted, int cleanYears) {

    public static final int MAX_CLEAN_YEARS = 3;
}
