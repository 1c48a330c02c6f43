package org.wageguard.shared;

import java.time.LocalDate;

/**
 * China's working-day calendar (weekdays less public holidays, plus make-up working days) as casework keeps it
 * ({@code casework.WorkingDays}, table {@code work_calendar}), for modules that casework itself depends on and so
 * cannot name it (project's wage-deposit clocks, workforce's attendance update rate).
 */
public interface WorkingDayCalendar {

    /** Whether the day is a working day (a weekday not a public holiday, or a make-up working day). */
    boolean isWorkingDay(LocalDate day);

    /** The day {@code n} working days after {@code day} (the day itself not counted). */
    LocalDate plus(LocalDate day, int n);
}
