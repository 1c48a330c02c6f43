package org.wageguard.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.employer.EmployerSummary;
import org.wageguard.employer.Grids;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.shared.SharedMessages;
import org.wageguard.shared.Rows;

/**
 * A grid worker's clue (网格员报送): lands in intake on the grid channel with the grid's town or street as its
 * region, the grid worker named as the reporter, and the photos kept with the case — all in one transaction. In a
 * town with a labor-security station the clue goes to the station's queue first ({@link StationMatters}).
 */
@Service
public class GridClues {

    /** What the grid worker typed: an employer of the grid, or only a name. */
    public record Clue(EmployerSummary employer, String employerName, int workers, BigDecimal amount,
            String description, List<CasePhotos.Upload> photos) {
    }

    /** A clue the grid worker reported, as their own list shows it. */
    public record Reported(long id, String number, String employerName, LocalDate registeredOn, String status) {
    }

    private final CaseIntake intake;
    private final CasePhotos photos;
    private final Grids grids;
    private final JdbcClient jdbc;
    private final StationMatters stations;

    GridClues(CaseIntake intake, CasePhotos photos, Grids grids, JdbcClient jdbc, StationMatters stations) {
        this.stations = stations;
        this.intake = intake;
        this.photos = photos;
        this.grids = grids;
        this.jdbc = jdbc;
    }

    /** Registers the clue; returns the case's id. */
    @Transactional
    public long report(OfficerPrincipal worker, Clue clue) {
        List<CasePhotos.Upload> files = photos.checked(clue.photos());
        String gridCode = worker.scope().gridCode();
        Grids.Grid grid = grids.find(gridCode).orElse(null);
        String gridName = grid == null ? gridCode : grid.name();
        String region = grid != null ? grid.regionCode() : worker.regionCode();
        EmployerSummary e = clue.employer();
        String description = SharedMessages.chinese(CaseRuleException.BUNDLE, "gridClue.prefix", gridName)
                + clue.description();
        String reporter = SharedMessages.chinese(CaseRuleException.BUNDLE, "gridClue.reporter", worker.displayName(),
                gridName);
        reporter = reporter.length() > 64 ? reporter.substring(0, 64) : reporter;
        long id = intake.register(new Intake(Channel.GRID, CaseKind.REPORT, reporter, null, false,
                e == null ? null : e.id(), e == null ? clue.employerName() : e.name(), null, region,
                e == null ? null : e.industryCode(), null, null, description, List.of(), null, null, null,
                clue.workers(), clue.amount()));
        photos.attach(id, CasePhotos.Source.GRID, files);
        // The town's labor-security station receives its grid workers' clues first (两网化), where the town has one.
        if (stations.hasStation(region)) {
            stations.receive(id, region);
        }
        return id;
    }

    @Transactional(readOnly = true)
    public String number(long caseId) {
        return jdbc.sql("SELECT number FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single();
    }

    /** The grid worker's own clues, latest first. */
    @Transactional(readOnly = true)
    public List<Reported> reportedBy(String username) {
        return jdbc.sql("""
                SELECT id, number, employer_name, registered_on, status FROM case_file
                 WHERE channel = 'GRID' AND created_by = :u ORDER BY id DESC LIMIT 20
                """).param("u", username).query(Rows.of(Reported.class)).list();
    }
}
