package org.wageguard.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The real-name figures from which the compliance item 实名制管理 is derived (Decree 724 Art. 28): kept by the
 * real-name module, which implements this, so that the project module reads them without depending on it.
 */
public interface RealNameStanding {

    /**
     * The roster of one month as the system keeps it: workers on the roster in the month, those with attendance
     * (coverage), and days with attendance updates out of the days counted (update rate).
     *
     * @param meetsStandard whether both rates reach the real-name standard (the one early-warning rule 9 applies)
     * @param standard the standard in words, e.g. "考勤覆盖率100%、更新率85%"
     */
    record Figures(YearMonth month, int rostered, int attended, BigDecimal coverageRate, int daysWithUpdates, int days,
            BigDecimal updateRate, boolean meetsStandard, String standard) {
    }

    /**
     * The figures of the last finished month in which the project had workers on its roster, or of this month so far
     * when its roster began this month; empty when no worker was ever on the project's roster.
     */
    Optional<Figures> figures(long projectId, LocalDate today);
}
