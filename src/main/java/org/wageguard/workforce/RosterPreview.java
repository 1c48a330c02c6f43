package org.wageguard.workforce;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.wageguard.shared.imports.Problem;

/**
 * What a roster upload would do, written nowhere: per project, who joins, whose line changes and — for a full
 * roster — who would leave on the effective date. {@code refused} is set when the file has bad rows (nothing would be
 * imported).
 */
public record RosterPreview(RosterMode mode, LocalDate effectiveDate, List<ProjectChanges> projects,
        List<Problem> problems, ImportOutcome refused) implements java.io.Serializable {

    /** A worker whose period of employment a full roster would end: numbers masked. */
    public record Leaver(long employmentId, long workerId, String name, String idNumberMasked, String team,
            LocalDate entryDate) implements java.io.Serializable {
    }

    /** One project of the file. */
    public record ProjectChanges(long projectId, String projectCode, String projectName, int joining, int changing,
            int unchanged, List<Leaver> leaving) implements java.io.Serializable {
        public ProjectChanges {
            leaving = List.copyOf(leaving);
        }
    }

    public RosterPreview {
        projects = List.copyOf(projects);
        problems = List.copyOf(problems);
    }

    /** The employment rows that would be closed: what the confirmation must find again to apply the upload. */
    public Set<Long> leavingIds() {
        return projects.stream().flatMap(p -> p.leaving().stream()).map(Leaver::employmentId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public int leavingCount() {
        return projects.stream().mapToInt(p -> p.leaving().size()).sum();
    }
}
