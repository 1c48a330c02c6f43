package org.wageguard.workforce.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.Checked;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.workforce.DataImports;
import org.wageguard.workforce.ImportKind;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.ImportValues;
import org.wageguard.workforce.ProjectCodes;
import org.wageguard.workforce.RealNameDataChanged;
import org.wageguard.workforce.SliceImport;
import org.wageguard.workforce.StagedWorkers;

/**
 * attendance.csv (考勤). A file replaces, for each project and month it has rows for, that month's attendance; a
 * worker present twice on one day counts once (the later row's hours).
 */
@Service
public class AttendanceImport extends SliceImport<AttendanceImport.Entry> {

    public static final Column PROJECT = Column.required("project_code", "项目编号");
    public static final Column ID_NUMBER = Column.required("worker_id_number", "身份证号");
    public static final Column DATE = Column.required("date", "日期");
    public static final Column HOURS = Column.optional("hours", "工时");
    public static final List<Column> COLUMNS = List.of(PROJECT, ID_NUMBER, DATE, HOURS);

    record Entry(long projectId, Checked<IdNumber> id, LocalDate date, BigDecimal hours) implements SliceImport.Parsed {
        @Override
        public YearMonth month() {
            return YearMonth.from(date);
        }

        @Override
        public String canonical() {
            return SliceImport.canonical(id.value(), date, hours == null ? null : hours.stripTrailingZeros().toPlainString());
        }
    }

    private final Projects projects;
    private final SensitiveData sensitive;
    private final ApplicationEventPublisher events;
    private StagedWorkers staged;

    AttendanceImport(DataImports dataImports, OperationLog operationLog, Projects projects, SensitiveData sensitive,
            JdbcClient jdbc, ImportPipeline pipeline, ApplicationEventPublisher events) {
        super(dataImports, operationLog, pipeline, jdbc);
        this.projects = projects;
        this.sensitive = sensitive;
        this.events = events;
    }

    @Override
    protected ImportKind kind() {
        return ImportKind.ATTENDANCE;
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    @Override
    protected RowParser<Entry> parser(OfficerPrincipal officer) {
        staged = new StagedWorkers(sensitive);
        ProjectCodes codes = new ProjectCodes(projects, p -> RosterImport.covers(officer, p),
                "该项目不在您的管理范围内，不能为其报送数据");
        return (row, problems) -> {
            boolean complete = ImportValues.required(row, COLUMNS, problems);
            ProjectSummary project = codes.resolve(row, PROJECT, problems);
            LocalDate date = ImportValues.date(row, DATE, problems);
            BigDecimal hours = ImportValues.hours(row, HOURS, problems);
            if (!complete || project == null || date == null) {
                return null;
            }
            return new Entry(project.id(), IdNumber.parseLenient(row.get(ID_NUMBER)), date, hours);
        };
    }

    @Override
    protected String stagingColumns() {
        return "work_date DATE NOT NULL, hours NUMERIC(5, 2), " + StagedWorkers.COLUMNS;
    }

    @Override
    protected Object[] stagingValues(Entry e) {
        Object[] worker = staged.values(e.id());
        return new Object[] {e.date(), e.hours(), worker[0], worker[1], worker[2], worker[3], worker[4]};
    }

    @Override
    protected String keyColumns() {
        return "id_hash, work_date";
    }

    @Override
    protected void beforeReduce(OfficerPrincipal officer) {
        StagedWorkers.register(jdbc, STAGE, null, officer.username());
    }

    @Override
    protected void supersede(long versionId) {
        jdbc.sql("UPDATE attendance SET current = FALSE WHERE source_import_id = :v").param("v", versionId).update();
    }

    /** Up to 250,000 rows per statement: each project-month's rows stand alone. */
    @Override
    protected long writeChunkRows() {
        return 250_000;
    }

    /**
     * One {@code INSERT … SELECT} in the order of {@code attendance_current_ux} (worker, project, day): each worker's
     * days go into neighbouring index entries and the foreign-key look-ups of one worker hit the same pages, instead of
     * the staging order (the file's).
     */
    @Override
    protected long write(OfficerPrincipal officer) {
        return jdbc.sql("""
                INSERT INTO attendance (worker_id, project_id, work_date, hours, source_import_id, created_by)
                SELECT w.id, r.project_id, r.work_date, r.hours, s.version_id, :by
                  FROM import_rows r
                  JOIN import_slice s ON s.project_id = r.project_id AND s.month = r.month
                  JOIN worker w ON w.id_number_hash = r.id_hash
                 ORDER BY w.id, r.project_id, r.work_date
                """).param("by", officer.username()).update();
    }

    /** After the commit: whoever derives data from attendance (reconciliation) runs now, outside the import. */
    @Override
    protected void changed(long projectId, Set<YearMonth> months) {
        events.publishEvent(new RealNameDataChanged(projectId, months));
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-001", "430981199003154518", "2026-11-02", "8"));
    }
}
