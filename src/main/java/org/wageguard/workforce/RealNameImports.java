package org.wageguard.workforce;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.workforce.internal.AttendanceImport;
import org.wageguard.workforce.internal.RosterImport;

/** The roster and attendance imports as other modules may call them (demo data, a future API). */
@Service
public class RealNameImports {

    private final RosterImport rosters;
    private final AttendanceImport attendance;

    RealNameImports(RosterImport rosters, AttendanceImport attendance) {
        this.rosters = rosters;
        this.attendance = attendance;
    }

    /** A roster upload of additions only (nobody leaves), in force today. */
    public ImportOutcome roster(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return rosters.importFile(fileName, in, goodRowsOnly, officer);
    }

    /**
     * A roster upload in the given mode, in force on {@code effectiveDate} (today when null); see
     * {@link RosterImport#importFile(String, InputStream, boolean, RosterMode, LocalDate, Set, OfficerPrincipal)}.
     */
    public ImportOutcome roster(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, Set<Long> confirmedLeavers, OfficerPrincipal officer) {
        return rosters.importFile(fileName, in, goodRowsOnly, mode, effectiveDate, confirmedLeavers, officer);
    }

    /** {@link #roster(String, InputStream, boolean, RosterMode, LocalDate, Set, OfficerPrincipal)}, telling {@code progress}. */
    public ImportOutcome roster(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, Set<Long> confirmedLeavers, OfficerPrincipal officer, ImportProgress progress) {
        return rosters.importFile(fileName, in, goodRowsOnly, mode, effectiveDate, confirmedLeavers, officer, progress);
    }

    /** What a roster upload would do, writing nothing. */
    public RosterPreview previewRoster(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, OfficerPrincipal officer) {
        return rosters.preview(fileName, in, goodRowsOnly, mode, effectiveDate, officer);
    }

    public ImportOutcome attendance(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return attendance.importFile(fileName, in, goodRowsOnly, officer);
    }

    /** An attendance file streamed in its own transaction, telling {@code progress}; not inside a transaction. */
    public ImportOutcome attendance(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
            ImportProgress progress) {
        return attendance.importFile(fileName, in, goodRowsOnly, officer, progress);
    }
}
