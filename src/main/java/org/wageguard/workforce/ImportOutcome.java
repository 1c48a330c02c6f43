package org.wageguard.workforce;

import java.util.List;

import org.wageguard.shared.imports.Problem;

/**
 * What one upload did.
 *
 * @param rows      rows written (0 when refused)
 * @param created   project (and month) slices imported for the first time
 * @param replaced  slices whose earlier version a corrected file replaced (for a roster: projects whose roster changed)
 * @param unchanged slices whose content was already the current version (re-importing the same file)
 * @param applied   false when the file was refused whole because of bad rows
 * @param left      roster only: workers a full roster recorded as having left (their earlier months are kept)
 */
public record ImportOutcome(int rows, int created, int replaced, int unchanged, List<Problem> problems,
        boolean applied, int left) implements java.io.Serializable {

    /** Where the import pages keep the last upload's bad rows for the download of the problem report. */
    public static final String PROBLEMS_SESSION_KEY = "wageguard.import.problems";

    public ImportOutcome {
        problems = List.copyOf(problems);
    }

    public ImportOutcome(int rows, int created, int replaced, int unchanged, List<Problem> problems, boolean applied) {
        this(rows, created, replaced, unchanged, problems, applied, 0);
    }

    public static ImportOutcome refused(List<Problem> problems) {
        return new ImportOutcome(0, 0, 0, 0, problems, false);
    }
}
