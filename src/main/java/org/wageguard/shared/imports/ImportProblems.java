package org.wageguard.shared.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad rows of one import as they are found: every problem is counted and kept for the downloadable report (up
 * to {@link #KEPT}, which no real file reaches: a file that bad is refused on its first rows anyway), and the
 * answer shows the first {@link #SHOWN} by row.
 */
public final class ImportProblems {

    /** How many problems an answer (page or API) lists; the report has them all. */
    public static final int SHOWN = 1000;
    /** How many problems are kept for the report; beyond it they are only counted. */
    public static final int KEPT = 1_000_000;

    private final List<Problem> kept = new ArrayList<>();
    private long count;

    public void add(Problem problem) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(problem);
        }
    }

    /** Every problem of a list one row's checks wrote into. */
    public void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Every problem kept, by row (a row's problems in the order they were found). */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingLong(Problem::row));
        return sorted;
    }

    /** The problems an answer shows. */
    public List<Problem> shown() {
        List<Problem> all = all();
        return all.size() <= SHOWN ? all : List.copyOf(all.subList(0, SHOWN));
    }
}
