package org.wageguard.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.SensitiveData;

/**
 * Reading the current roster and attendance: masked for pages, in clear only for processing (the reconciliation
 * feeds them to its engine and never shows them), and the real-name figures of DOMAIN.md §4 rule 9.
 */
@Service
@Transactional(readOnly = true)
public class Rosters {

    /** One roster line as shown: numbers masked. */
    public record Line(long workerId, String name, String idNumberMasked, boolean idVerified, String idCheck,
            String team, String employerCreditCode, String cardMasked, boolean cardWarning, String bankName,
            boolean contractSigned, LocalDate entryDate, LocalDate exitDate) {
    }

    /** One roster line in clear, for the reconciliation engine only. */
    public record RosterRecord(long workerId, String idNumber, String name, String card, String bankName, String team,
            String employerCreditCode, boolean contractSigned, LocalDate entryDate, LocalDate exitDate) {
    }

    /** One attendance day in clear, for the reconciliation engine only. */
    public record AttendanceRecord(long workerId, String idNumber, LocalDate date, BigDecimal hours) {
    }

    /**
     * Rule 9's figures for one month: coverage = rostered workers (on site some day of the month by their entry and
     * exit dates) with any attendance ÷ rostered workers; update rate = working days of the month (up to today, on the
     * holiday calendar casework keeps: weekends and public holidays are not counted, make-up working days are) with
     * any attendance row ÷ those working days. A site resting on Sundays and holidays is not short of updates.
     */
    public record Coverage(YearMonth month, int rostered, int attended, int daysWithUpdates, int days) {
        public BigDecimal coverageRate() {
            return rate(attended, rostered);
        }

        public BigDecimal updateRate() {
            return rate(daysWithUpdates, days);
        }

        /** Rule 9 is yellow below 100 % coverage or 85 % update rate. */
        public boolean belowStandard() {
            return coverageRate().compareTo(BigDecimal.valueOf(100)) < 0
                    || updateRate().compareTo(BigDecimal.valueOf(85)) < 0;
        }

        private static BigDecimal rate(int part, int whole) {
            return whole == 0 ? BigDecimal.ZERO.setScale(1)
                    : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    /** A worker's presence on one project in one month. */
    public record WorkerMonth(long projectId, YearMonth month, int days, BigDecimal hours) {
    }

    /** A worker's roster line on one project. */
    public record WorkerProject(long projectId, String team, String cardMasked, boolean contractSigned,
            LocalDate entryDate, LocalDate exitDate) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;
    private final org.wageguard.shared.WorkingDayCalendar calendar;

    Rosters(JdbcClient jdbc, SensitiveData sensitive, org.wageguard.shared.WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.calendar = calendar;
    }

    private static final String LINE_COLUMNS = """
            SELECT w.id, e.worker_name, w.id_number_masked, w.id_verified, w.id_check, e.team,
                   e.employer_credit_code, e.bank_card_masked, e.bank_card_luhn_warning, e.bank_name,
                   e.contract_signed, e.entry_date, e.exit_date""";
    private static final String LINE = LINE_COLUMNS + " FROM employment e JOIN worker w ON w.id = e.worker_id\n";

    /** A worker who left a project: their line, and the full roster that recorded it (null: the file said so). */
    public record Departure(Line line, String exitFileName, java.time.OffsetDateTime exitRecordedAt) {
        public boolean byFullRoster() {
            return exitFileName != null || exitRecordedAt != null;
        }
    }

    /** The workers on site: current lines without an exit date or leaving after today. */
    public List<Line> roster(long projectId) {
        return jdbc.sql(LINE + """
                 WHERE e.project_id = :p AND e.current AND (e.exit_date IS NULL OR e.exit_date > :today)
                 ORDER BY e.team NULLS LAST, e.source_import_id, e.source_row""")
                .param("p", projectId).param("today", Date.valueOf(LocalDate.now(CHINA))).query(Rosters::line).list();
    }

    /** The workers who left (exit date today or earlier), latest first: kept, with their months, never deleted. */
    public List<Departure> departed(long projectId) {
        return jdbc.sql(LINE_COLUMNS + """
                , x.file_name, x.created_at
                  FROM employment e JOIN worker w ON w.id = e.worker_id LEFT JOIN data_import x ON x.id = e.exit_import_id
                 WHERE e.project_id = :p AND e.current AND e.exit_date <= :today
                 ORDER BY e.exit_date DESC, e.team NULLS LAST, e.source_import_id, e.source_row""")
                .param("p", projectId).param("today", Date.valueOf(LocalDate.now(CHINA)))
                .query((rs, n) -> new Departure(line(rs, n), rs.getString(14),
                        rs.getObject(15, java.time.OffsetDateTime.class))).list();
    }

    /**
     * The roster in force in a month, for the reconciliation engine: every worker whose employment overlaps the month
     * (by entry and exit dates; their latest period if several do), in the order of the files they came from — where
     * several rows list one card, the latest row decides.
     */
    public List<RosterRecord> rosterForProcessing(long projectId, YearMonth month) {
        Map<Long, String> ids = new HashMap<>();
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT DISTINCT ON (w.id) w.id, w.id_number_cipher, e.worker_name, e.bank_card_cipher, e.bank_name,
                           e.team, e.employer_credit_code, e.contract_signed, e.entry_date, e.exit_date,
                           e.source_import_id, e.source_row
                      FROM employment e JOIN worker w ON w.id = e.worker_id
                     WHERE e.project_id = :p AND e.current AND e.entry_date <= :end
                       AND (e.exit_date IS NULL OR e.exit_date >= :from)
                     ORDER BY w.id, e.entry_date DESC) inForce
                 ORDER BY source_import_id, source_row
                """).param("p", projectId).param("from", Date.valueOf(month.atDay(1)))
                .param("end", Date.valueOf(month.atEndOfMonth())).query((rs, n) -> new RosterRecord(rs.getLong(1),
                ids.computeIfAbsent(rs.getLong(1), k -> decrypt(rs, 2)), rs.getString(3), decrypt(rs, 4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getDate(9).toLocalDate(),
                local(rs.getDate(10)))).list();
    }

    public List<AttendanceRecord> attendanceForProcessing(long projectId, YearMonth month) {
        Map<Long, String> ids = new HashMap<>();
        return jdbc.sql("""
                SELECT w.id, w.id_number_cipher, a.work_date, a.hours
                  FROM attendance a JOIN worker w ON w.id = a.worker_id
                 WHERE a.project_id = :p AND a.current AND a.work_date >= :from AND a.work_date <= :to
                 ORDER BY a.work_date, a.id
                """).param("p", projectId).param("from", Date.valueOf(month.atDay(1)))
                .param("to", Date.valueOf(month.atEndOfMonth()))
                .query((rs, n) -> new AttendanceRecord(rs.getLong(1), ids.computeIfAbsent(rs.getLong(1), k -> decrypt(rs, 2)),
                        rs.getDate(3).toLocalDate(), rs.getBigDecimal(4))).list();
    }

    /** The days a worker attended a project in a month, with hours: the evidence of a finding. */
    public List<AttendanceRecord> attendanceDays(long workerId, long projectId, YearMonth month) {
        return jdbc.sql("""
                SELECT a.worker_id, a.work_date, a.hours FROM attendance a
                 WHERE a.worker_id = :w AND a.project_id = :p AND a.current AND a.work_date BETWEEN :from AND :to
                 ORDER BY a.work_date
                """).param("w", workerId).param("p", projectId).param("from", Date.valueOf(month.atDay(1)))
                .param("to", Date.valueOf(month.atEndOfMonth()))
                .query((rs, n) -> new AttendanceRecord(rs.getLong(1), null, rs.getDate(2).toLocalDate(),
                        rs.getBigDecimal(3))).list();
    }

    /** The months of a project with current attendance, oldest first. */
    public List<YearMonth> attendanceMonths(long projectId) {
        return jdbc.sql("""
                SELECT DISTINCT date_trunc('month', work_date)::date FROM attendance WHERE project_id = :p AND current
                 ORDER BY 1
                """).param("p", projectId).query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    public Coverage coverage(long projectId, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate today = LocalDate.now(CHINA);
        LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        java.util.Set<LocalDate> workingDays = new java.util.HashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                workingDays.add(d);
            }
        }
        int days = workingDays.size();
        var counts = jdbc.sql("""
                SELECT count(DISTINCT e.worker_id) AS rostered,
                       count(DISTINCT e.worker_id) FILTER (WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.worker_id = e.worker_id
                           AND a.project_id = e.project_id AND a.current AND a.work_date BETWEEN :from AND :end)) AS attended
                  FROM employment e
                 WHERE e.project_id = :p AND e.current AND e.entry_date <= :end
                   AND (e.exit_date IS NULL OR e.exit_date >= :from)
                """).param("p", projectId).param("from", Date.valueOf(from)).param("end", Date.valueOf(month.atEndOfMonth()))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        int updated = days == 0 ? 0 : (int) jdbc.sql("""
                SELECT DISTINCT work_date FROM attendance
                 WHERE project_id = :p AND current AND work_date BETWEEN :from AND :to
                """).param("p", projectId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> rs.getDate(1).toLocalDate()).list().stream().filter(workingDays::contains).count();
        return new Coverage(month, counts[0], counts[1], updated, days);
    }

    public List<WorkerProject> projectsOf(long workerId, List<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.project_id, e.team, e.bank_card_masked, e.contract_signed, e.entry_date, e.exit_date
                  FROM employment e WHERE e.worker_id = :w AND e.current AND e.project_id IN (:projects)
                 ORDER BY e.entry_date
                """).param("w", workerId).param("projects", projectIds)
                .query((rs, n) -> new WorkerProject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getDate(5).toLocalDate(), local(rs.getDate(6)))).list();
    }

    public List<WorkerMonth> monthsOf(long workerId, List<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT project_id, date_trunc('month', work_date)::date AS m, count(DISTINCT work_date), sum(hours)
                  FROM attendance WHERE worker_id = :w AND current AND project_id IN (:projects)
                 GROUP BY project_id, m ORDER BY m DESC, project_id
                """).param("w", workerId).param("projects", projectIds)
                .query((rs, n) -> new WorkerMonth(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getInt(3), rs.getBigDecimal(4))).list();
    }

    /** The current roster workers of a project with this card (by blind index), for card findings' evidence. */
    public List<Line> withCard(long projectId, String cardHash) {
        return jdbc.sql(LINE + " WHERE e.project_id = :p AND e.current AND e.bank_card_hash = :h ORDER BY e.source_row")
                .param("p", projectId).param("h", cardHash).query(Rosters::line).list();
    }

    /**
     * The blind index of the worker's roster card on a project (their latest period's): attributes disbursements
     * without payee ID.
     */
    public java.util.Optional<String> cardHash(long workerId, long projectId) {
        return jdbc.sql("""
                SELECT bank_card_hash FROM employment WHERE worker_id = :w AND project_id = :p AND current
                 ORDER BY entry_date DESC LIMIT 1""")
                .param("w", workerId).param("p", projectId).query(String.class).optional();
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
                rs.getBoolean(11), rs.getDate(12).toLocalDate(), local(rs.getDate(13)));
    }

    private String decrypt(ResultSet rs, int column) {
        try {
            return sensitive.decryptForProcessing(rs.getString(column));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
