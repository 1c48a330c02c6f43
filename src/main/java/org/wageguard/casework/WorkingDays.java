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
                ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
                """).param("d", java.sql.Date.valueOf(day)).param("k", working ? "WORKDAY" : "HOLIDAY").param("n", name)
                .param("a", actor).update();
        exceptions.set(null);
    }

    /** A holiday or make-up working day the administrator recorded. */
    public record Exception(LocalDate day, String kind, String name) {
    }

    public List<Exception> exceptions(int year) {
        return jdbc.sql("SELECT day, kind, name FROM work_calendar WHERE EXTRACT(YEAR FROM day) = :y ORDER BY day")
                .param("y", year).query(Rows.of(Exception.class)).list();
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
