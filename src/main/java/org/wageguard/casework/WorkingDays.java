package org.wageguard.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.shared.Rows;

/**
 * China's working-day calendar: Monday to Friday, less the public holidays, plus the make-up working days on
 * weekends (调休), as the administrator maintains them. Every legal clock of a case counts on it.
 */
@Service
public class WorkingDays implements org.wageguard.shared.WorkingDayCalendar {

    private final JdbcClient jdbc;
    private final AtomicReference<Map<LocalDate, Boolean>> exceptions = new AtomicReference<>();

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = calendar().get(day);
        if (exception != null) {
            return exception;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day {@code n} working days after {@code day} (the day itself not counted). */
    public LocalDate plus(LocalDate day, int n) {
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to}. */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    @Transactional
    public void set(LocalDate day, boolean working, String name, String actor) {
        jdbc.sql("""
                INSERT INTO work_calendar (day, kind, name, created_by) VALUES (:d, :k, :n, :a)
                ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, provisional = FALSE
                """).param("d", java.sql.Date.valueOf(day)).param("k", working ? "WORKDAY" : "HOLIDAY").param("n", name)
                .param("a", actor).update();
        exceptions.set(null);
    }

    /** A holiday or make-up working day the administrator recorded; provisional until checked against the notice. */
    public record Exception(LocalDate day, String kind, String name, boolean provisional) {
    }

    /** Days before the calendar's last day on which the leadership office is warned that it runs out. */
    public static final int WARNING_DAYS = 60;

    /**
     * How far the calendar reaches: the last year with its holidays recorded, the day it runs out (31 December of
     * that year), the days left from {@code today}, whether that is within {@link #WARNING_DAYS}, and the years whose
     * days are still provisional.
     */
    public record Coverage(int lastYear, LocalDate runsOutOn, long daysLeft, boolean warn, List<Integer> provisionalYears) {
    }

    @Transactional(readOnly = true)
    public Coverage coverage(LocalDate today) {
        int last = jdbc.sql("SELECT COALESCE(max(EXTRACT(YEAR FROM day))::int, :y - 1) FROM work_calendar WHERE kind = 'HOLIDAY'")
                .param("y", today.getYear()).query(Integer.class).single();
        LocalDate end = LocalDate.of(last, 12, 31);
        long left = java.time.temporal.ChronoUnit.DAYS.between(today, end);
        List<Integer> provisional = jdbc.sql("""
                SELECT DISTINCT EXTRACT(YEAR FROM day)::int FROM work_calendar WHERE provisional ORDER BY 1
                """).query(Integer.class).list();
        return new Coverage(last, end, left, left <= WARNING_DAYS, provisional);
    }

    /**
     * Warns the leadership offices in the system, once per calendar year, when the calendar runs out within
     * {@link #WARNING_DAYS}: deadlines beyond its last day would count holidays as working days. Returns how many
     * offices were told.
     */
    @Transactional
    public int warnIfRunningOut(LocalDate today, org.wageguard.identity.Notifications notifications) {
        Coverage c = coverage(today);
        if (!c.warn() || jdbc.sql("INSERT INTO work_calendar_warning (last_year, warned_on) VALUES (:y, :d) ON CONFLICT DO NOTHING")
                .param("y", c.lastYear()).param("d", java.sql.Date.valueOf(today)).update() == 0) {
            return 0;
        }
        List<Long> offices = jdbc.sql("SELECT id FROM department WHERE kind = 'LEADERSHIP_OFFICE' ORDER BY id").query(Long.class).list();
        String title = CaseRuleException.text("calendar.warning.title");
        String body = org.wageguard.shared.SharedMessages.chinese(CaseRuleException.BUNDLE, "calendar.warning.body",
                c.runsOutOn().toString(), String.valueOf(c.lastYear() + 1));
        offices.forEach(o -> notifications.send(o, "CALENDAR", title, body, "/admin/calendar?year=" + (c.lastYear() + 1)));
        return offices.size();
    }

    public List<Exception> exceptions(int year) {
        return jdbc.sql("SELECT day, kind, name, provisional FROM work_calendar WHERE EXTRACT(YEAR FROM day) = :y ORDER BY day")
                .param("y", year).query(Rows.of(Exception.class)).list();
    }

    /** The administrator checked the year's days against the State Council's notice: none is provisional any more. */
    @Transactional
    public int confirm(int year) {
        return jdbc.sql("UPDATE work_calendar SET provisional = FALSE WHERE provisional AND EXTRACT(YEAR FROM day) = :y")
                .param("y", year).update();
    }

    @Transactional
    public void remove(LocalDate day) {
        jdbc.sql("DELETE FROM work_calendar WHERE day = :d").param("d", java.sql.Date.valueOf(day)).update();
        exceptions.set(null);
    }

    private Map<LocalDate, Boolean> calendar() {
        Map<LocalDate, Boolean> map = exceptions.get();
        if (map == null) {
            Map<LocalDate, Boolean> loaded = new HashMap<>();
            jdbc.sql("SELECT day, kind FROM work_calendar").query((rs, i) -> {
                loaded.put(rs.getDate("day").toLocalDate(), "WORKDAY".equals(rs.getString("kind")));
                return null;
            }).list();
            exceptions.compareAndSet(null, loaded);
            map = loaded;
        }
        return map;
    }
}
