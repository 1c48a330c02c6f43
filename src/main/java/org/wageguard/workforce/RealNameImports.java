package org.wageguard.workforce;

import java.io.InputStream;

import org.springframework.stereotype.Service;
import org.wageguard.identity.OfficerPrincipal;
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

    public ImportOutcome roster(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return rosters.importFile(fileName, in, goodRowsOnly, officer);
    }

    public ImportOutcome attendance(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return attendance.importFile(fileName, in, goodRowsOnly, officer);
    }
}
