package org.wageguard.reporting.web;

import java.time.LocalDate;

/**
 * The work summary and the statistics cover at most five years (a longer period is refused with the reason); the
 * dashboard may show longer, so its links to them pass the last five years of its period.
 */
final class ReportPeriods {

    static final int MAX_YEARS = 5;

    private ReportPeriods() {
    }

    static boolean valid(LocalDate from, LocalDate to) {
        return !from.isAfter(to) && !from.plusYears(MAX_YEARS).isBefore(to);
    }

    /** The start of a report's period ending at {@code to}: {@code from}, or five years before {@code to} if longer. */
    static LocalDate clip(LocalDate from, LocalDate to) {
        LocalDate earliest = to.minusYears(MAX_YEARS);
        return from.isBefore(earliest) ? earliest : from;
    }
}
