package org.wageguard.workforce;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;

/**
 * The version history of imported data. A slice is one kind of file for one project and one month (attendance, pay
 * sheet, disbursements). A new version of a slice supersedes the current one; its rows stay in their tables marked
 * not current, so the history shows exactly what each version said and who sent it when. A roster upload is recorded
 * too ({@link #recordRoster}) but supersedes nothing: it is a change of the project's roster history.
 */
@Service
@Transactional(readOnly = true)
public class DataImports {

    /** A version just opened; {@code previousId} is the version it replaces, if any. */
    public record Version(long id, Long previousId) {
    }

    /** One row of the history. */
    public record Entry(long id, ImportKind kind, long projectId, YearMonth month, String fileName, int rows,
            boolean current, Long replacedBy, String sender, String senderOrganisation, OffsetDateTime at,
            RosterMode rosterMode, java.time.LocalDate effectiveDate, Integer left) {
    }

    private final JdbcClient jdbc;

    DataImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens a new version of a slice, or returns empty when its content equals the current version's (re-importing
     * the same file changes nothing). Must run inside the import's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Version> open(ImportKind kind, long projectId, YearMonth month, String fileName, String contentHash,
            int rows, OfficerPrincipal sender) {
        var current = jdbc.sql("""
                SELECT id, content_hash FROM data_import
                 WHERE kind = :kind AND project_id = :project AND status = 'CURRENT'
                   AND COALESCE(month, DATE '1900-01-01') = COALESCE(CAST(:month AS DATE), DATE '1900-01-01')
                   FOR UPDATE
                """).param("kind", kind.name()).param("project", projectId).param("month", date(month))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        if (current.isPresent() && contentHash.equals(current.get()[1])) {
            return Optional.empty();
        }
        Long previous = current.map(c -> (Long) c[0]).orElse(null);
        if (previous != null) {
            jdbc.sql("UPDATE data_import SET status = 'SUPERSEDED', updated_at = now(), updated_by = :by WHERE id = :id")
                    .param("id", previous).param("by", sender.username()).update();
        }
        long id = jdbc.sql("""
                INSERT INTO data_import (kind, project_id, month, file_name, content_hash, row_count, status,
                    sender_org, created_by, updated_by)
                VALUES (:kind, :project, :month, :file, :hash, :rows, 'CURRENT', :org, :by, :by)
                RETURNING id
                """).param("kind", kind.name()).param("project", projectId).param("month", date(month))
                .param("file", truncate(fileName, 200)).param("hash", contentHash).param("rows", rows)
                .param("org", organisation(sender))
                .param("by", sender.username()).query(Long.class).single();
        if (previous != null) {
            jdbc.sql("UPDATE data_import SET replaced_by = :new WHERE id = :id").param("new", id).param("id", previous)
                    .update();
        }
        return Optional.of(new Version(id, previous));
    }

    /**
     * Records a roster upload: a change of the project's roster history, in force with the others (it supersedes
     * nothing). Must run inside the import's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long recordRoster(long projectId, String fileName, String contentHash, int rows, RosterMode mode,
            java.time.LocalDate effectiveDate, int left, OfficerPrincipal sender) {
        return jdbc.sql("""
                INSERT INTO data_import (kind, project_id, month, file_name, content_hash, row_count, status,
                    sender_org, created_by, updated_by, roster_mode, effective_date, left_count)
                VALUES ('ROSTER', :project, NULL, :file, :hash, :rows, 'CURRENT', :org, :by, :by, :mode, :effective,
                    :left)
                RETURNING id
                """).param("project", projectId).param("file", truncate(fileName, 200)).param("hash", contentHash)
                .param("rows", rows).param("org", organisation(sender)).param("by", sender.username())
                .param("mode", mode.name()).param("effective", Date.valueOf(effectiveDate)).param("left", left)
                .query(Long.class).single();
    }

    private static String organisation(OfficerPrincipal sender) {
        return sender.departmentName() != null ? sender.departmentName() : sender.organisationName();
    }

    /** Every version of every slice of a project, newest first. */
    public List<Entry> history(long projectId) {
        return jdbc.sql("""
                SELECT i.id, i.kind, i.project_id, i.month, i.file_name, i.row_count, i.status, i.replaced_by,
                       i.created_by, i.sender_org, i.created_at, i.roster_mode, i.effective_date, i.left_count
                  FROM data_import i WHERE i.project_id = :p ORDER BY i.created_at DESC, i.id DESC
                """).param("p", projectId).query(DataImports::map).list();
    }

    /** The months of a project that have any current data of the given kinds. */
    public List<YearMonth> months(long projectId, List<ImportKind> kinds) {
        return jdbc.sql("""
                SELECT DISTINCT month FROM data_import
                 WHERE project_id = :p AND status = 'CURRENT' AND month IS NOT NULL AND kind IN (:kinds)
                 ORDER BY month
                """).param("p", projectId).param("kinds", kinds.stream().map(Enum::name).toList())
                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    static Date date(YearMonth month) {
        return month == null ? null : Date.valueOf(month.atDay(1));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Entry map(ResultSet rs, int n) throws SQLException {
        Date month = rs.getDate("month");
        long replacedValue = rs.getLong("replaced_by");
        Long replacedBy = rs.wasNull() ? null : replacedValue;
        String mode = rs.getString("roster_mode");
        Date effective = rs.getDate("effective_date");
        return new Entry(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getLong("project_id"),
                month == null ? null : YearMonth.from(month.toLocalDate()), rs.getString("file_name"),
                rs.getInt("row_count"), "CURRENT".equals(rs.getString("status")), replacedBy,
                rs.getString("created_by"), rs.getString("sender_org"), rs.getObject("created_at", OffsetDateTime.class),
                mode == null ? null : RosterMode.valueOf(mode), effective == null ? null : effective.toLocalDate(),
                (Integer) rs.getObject("left_count"));
    }
}
