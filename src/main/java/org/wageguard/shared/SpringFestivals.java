package org.wageguard.shared;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The Spring Festival (春节, the lunar new year's day) of each year served (table {@code spring_festival}), and the
 * window around it that early warning (rule 12) and intake share: from {@code daysBefore} days before the festival to
 * {@code daysAfter} days after it (14 after is 元宵节, 正月十五). A window is counted from the festival of the year it
 * belongs to, so a day in December belongs to the next year's festival.
 */
@Service
public class SpringFestivals {

    /** One window: the festival it surrounds and its first and last day (both inclusive). */
    public record Window(LocalDate festival, LocalDate from, LocalDate to) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private final JdbcClient jdbc;
    private final AtomicReference<TreeMap<Integer, LocalDate>> days = new AtomicReference<>();

    SpringFestivals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The festival's date in a year, if the table has it. */
    public Optional<LocalDate> festival(int year) {
        return Optional.ofNullable(table().get(year));
    }

    /** The years the table serves, first and last. */
    public Map.Entry<Integer, Integer> years() {
        TreeMap<Integer, LocalDate> t = table();
        return Map.entry(t.firstKey(), t.lastKey());
    }

    /**
     * The window that covers the day, if any: the window of the day's own year's festival, or of the next year's (a
     * December day before the festival). Empty for a day outside both, or for years the table does not have.
     */
    public Optional<Window> windowCovering(LocalDate day, int daysBefore, int daysAfter) {
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            LocalDate f = table().get(year);
            if (f != null) {
                Window w = new Window(f, f.minusDays(daysBefore), f.plusDays(daysAfter));
                if (w.covers(day)) {
                    return Optional.of(w);
                }
            }
        }
        return Optional.empty();
    }

    /** The next window that has not ended by the day (for the rule page: "this winter's window is …"). */
    public Optional<Window> nextWindow(LocalDate day, int daysBefore, int daysAfter) {
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            LocalDate f = table().get(year);
            if (f != null && !f.plusDays(daysAfter).isBefore(day)) {
                return Optional.of(new Window(f, f.minusDays(daysBefore), f.plusDays(daysAfter)));
            }
        }
        return Optional.empty();
    }

    private TreeMap<Integer, LocalDate> table() {
        TreeMap<Integer, LocalDate> t = days.get();
        if (t == null) {
            TreeMap<Integer, LocalDate> loaded = new TreeMap<>();
            jdbc.sql("SELECT year, festival_day FROM spring_festival").query((rs, n) ->
                    loaded.put(rs.getInt(1), rs.getDate(2).toLocalDate())).list();
            days.compareAndSet(null, loaded);
            t = loaded;
        }
        return t;
    }
}
