package org.wageguard.workforce;

import java.util.List;

import org.wageguard.shared.imports.ImportProblems;
import org.wageguard.shared.imports.Problem;

/**
 * What one upload did.
 *
 * @param rows         rows written (0 when refused)
 * @param created      project (and month) slices imported for the first time
 * @param replaced     slices whose earlier version a corrected file replaced (for a roster: projects whose roster changed)
 * @param unchanged    slices whose content was already the current version (re-importing the same file)
 * @param problems     every bad row kept for the downloadable report, by row ({@link #shownProblems()} for an answer)
 * @param applied      false when the file was refused whole because of bad rows
 * @param left         roster only: workers a full roster recorded as having left (their earlier months are kept)
 * @param problemCount every bad value found, also those beyond what is kept
 * @param reconciled   the project-months ({@code projectId:yyyy-MM}) reconciled after the import committed: their
 *                     findings are ready when the outcome is, unless {@code findingsPending}
 * @param findingsPending the import answered at its commit: the reconciliation of {@code reconciled} and its early
 *                     warning run after the answer, as the job's later phase (the job says when they are ready)
 */
public record ImportOutcome(int rows, int created, int replaced, int unchanged, List<Problem> problems,
        boolean applied, int left, long problemCount, List<String> reconciled, boolean findingsPending)
        implements java.io.Serializable {

    /** Where the import pages keep the last upload's bad rows for the download of the problem report. */
    public static final String PROBLEMS_SESSION_KEY = "wageguard.import.problems";

    public ImportOutcome {
        problems = List.copyOf(problems);
        reconciled = List.copyOf(reconciled);
        problemCount = Math.max(problemCount, problems.size());
    }

    public ImportOutcome(int rows, int created, int replaced, int unchanged, List<Problem> problems, boolean applied,
            int left) {
        this(rows, created, replaced, unchanged, problems, applied, left, problems.size(), List.of(), false);
    }

    public ImportOutcome(int rows, int created, int replaced, int unchanged, List<Problem> problems, boolean applied) {
        this(rows, created, replaced, unchanged, problems, applied, 0);
    }

    public static ImportOutcome refused(List<Problem> problems) {
        return new ImportOutcome(0, 0, 0, 0, problems, false);
    }

    public static ImportOutcome refused(ImportProblems problems) {
        return new ImportOutcome(0, 0, 0, 0, problems.all(), false, 0, problems.count(), List.of(), false);
    }

    /** The problems an answer lists: the first {@link ImportProblems#SHOWN} by row; the report has them all. */
    public List<Problem> shownProblems() {
        return problems.size() <= ImportProblems.SHOWN ? problems : problems.subList(0, ImportProblems.SHOWN);
    }

    /** The same outcome, with the project-months reconciled after its commit (or, if pending, being reconciled). */
    public ImportOutcome withReconciled(List<String> projectMonths, boolean pending) {
        return new ImportOutcome(rows, created, replaced, unchanged, problems, applied, left, problemCount, projectMonths,
                pending && !projectMonths.isEmpty());
    }
}
