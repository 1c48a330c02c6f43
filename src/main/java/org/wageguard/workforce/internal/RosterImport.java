package org.wageguard.workforce.internal;

import org.wageguard.shared.AdvisoryLocks;
import java.io.InputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.BankCard;
import org.wageguard.shared.Checked;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.Masking;
import org.wageguard.shared.imports.Column;
import org.wageguard.workforce.DataImports;
import org.wageguard.workforce.ImportKind;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.ImportValues;
import org.wageguard.workforce.ProjectCodes;
import org.wageguard.workforce.RealNameDataChanged;
import org.wageguard.workforce.RosterChangedException;
import org.wageguard.workforce.RosterMode;
import org.wageguard.workforce.RosterPreview;
import org.wageguard.workforce.SliceImport;
import org.wageguard.workforce.StagedWorkers;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.ImportProblems;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.imports.StagingCopy;
import org.wageguard.shared.imports.TabularFile;
import org.wageguard.workforce.Workers;

/**
 * roster.csv (实名制花名册), read exactly as FORMATS.md defines it, written as a history: a worker's employment on a
 * project is a period from the entry date to the exit date, and an upload changes the periods it concerns — nothing
 * is deleted. A listed worker joins (a new period when their last one ended before the new entry date) or has their
 * current line replaced (the earlier row stays, not current). A full roster ({@link RosterMode#FULL}) also ends, on
 * its effective date, the period of every worker it does not list who is on site that day; additions only
 * ({@link RosterMode#ADDITIONS}) leave everyone else as they are. A full roster is first previewed: the officer sees who
 * would leave and confirms.
 * <p>
 * Why a history: 《保障农民工工资支付条例》（国务院令第724号）第二十八条 requires the general contractor and its
 * subcontractors to keep the labour-management ledger (用工管理台账) until the works are complete and every wage is
 * paid, and at least three years after — so a roster upload may end a worker's period but never erase it, and a past
 * month is reconciled against the roster in force in that month ({@code RosterHistoryTests#ledgerKeptPerDecree724Article28_…}).
 */
@Service
public class RosterImport {

    public static final Column PROJECT = Column.required("project_code", "项目编号");
    public static final Column ID_NUMBER = Column.required("worker_id_number", "身份证号");
    public static final Column NAME = Column.required("worker_name", "姓名");
    public static final Column PHONE = Column.optional("phone", "手机号");
    public static final Column CARD = Column.required("bank_card", "工资卡号");
    public static final Column BANK = Column.optional("bank_name", "开户行");
    public static final Column TEAM = Column.optional("team", "班组");
    public static final Column EMPLOYER = Column.optional("employer_credit_code", "用工单位信用代码");
    public static final Column CONTRACT = Column.required("contract_signed", "是否签订劳动合同");
    public static final Column ENTRY = Column.required("entry_date", "进场日期");
    public static final Column EXIT = Column.optional("exit_date", "退场日期");
    public static final List<Column> COLUMNS = List.of(PROJECT, ID_NUMBER, NAME, PHONE, CARD, BANK, TEAM, EMPLOYER,
            CONTRACT, ENTRY, EXIT);

    record Entry(long projectId, long row, Checked<IdNumber> id, String name, String phone, Checked<BankCard> card,
            String bank, String team, String employer, boolean contract, LocalDate entry, LocalDate exit)
            {
        /** Everything the row says, normalised, for the project's fingerprint. */
        String canonical() {
            return org.wageguard.workforce.SliceImport.canonical(id.value(), name, phone, card.value(), bank, team, employer, contract, entry,
                    exit);
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The advisory lock key space of roster uploads ("ROST" in the high bits), one key per project. */
    private static final long ROSTER_LOCK = 0x524F535400000000L;

    /** The staged rows of the file, as read (every good row). */
    private static final String STAGE = "roster_stage";
    /** One row per worker and project (the later of equal ones) with the current line it changes, if any. */
    private static final String PLAN = "roster_plan";

    private final DataImports imports;
    private final OperationLog operationLog;
    private final ImportPipeline pipeline;
    private final Projects projects;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RosterImport(DataImports dataImports, OperationLog operationLog, ImportPipeline pipeline, Projects projects,
            SensitiveData sensitive, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.imports = dataImports;
        this.operationLog = operationLog;
        this.pipeline = pipeline;
        this.projects = projects;
        this.sensitive = sensitive;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Additions only, in force today: what the command line's files and an upload without a choice mean. */
    @Transactional
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return importFile(fileName, in, goodRowsOnly, RosterMode.ADDITIONS, null, null, officer);
    }

    /**
     * Imports a roster. A full roster is all or nothing whatever {@code goodRowsOnly} says (a skipped bad row would
     * make its worker leave). With {@code confirmedLeavers} (the preview's {@link RosterPreview#leavingIds()}) the
     * import is refused with {@link RosterChangedException} when it would now close other periods than those.
     *
     * @param effectiveDate the day the roster is in force, today when null; not after today
     */
    @Transactional
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, Set<Long> confirmedLeavers, OfficerPrincipal officer) {
        return importFile(fileName, in, goodRowsOnly, mode, effectiveDate, confirmedLeavers, officer,
                ImportProgress.NONE);
    }

    /** {@link #importFile(String, InputStream, boolean, RosterMode, LocalDate, Set, OfficerPrincipal)}, telling {@code progress}. */
    @Transactional
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, Set<Long> confirmedLeavers, OfficerPrincipal officer, ImportProgress progress) {
        LocalDate effective = effective(effectiveDate);
        Staged staged = stage(fileName, in, goodRowsOnly && mode == RosterMode.ADDITIONS, officer, progress);
        if (staged.refused() != null) {
            return staged.refused();
        }
        staged.projects().forEach(this::lock);
        List<Plan> plans = plan(staged.projects(), mode, effective);
        progress.checked(plans.stream().mapToLong(Plan::rows).sum());
        if (confirmedLeavers != null && !confirmedLeavers.equals(plans.stream()
                .flatMap(p -> p.leaving().stream()).map(RosterPreview.Leaver::employmentId).collect(Collectors.toSet()))) {
            throw new RosterChangedException();
        }
        progress.phase(ImportProgress.Phase.APPLYING);
        registerWorkers(officer);
        int written = 0, created = 0, replaced = 0, unchanged = 0, left = 0;
        for (Plan plan : plans) {
            if (plan.unchangedAll()) {
                unchanged++;
                continue;
            }
            long version = imports.recordRoster(plan.projectId(), fileName, plan.fingerprint(),
                    (int) Math.min(Integer.MAX_VALUE, plan.rows()), mode, effective, plan.leaving().size(), officer);
            jdbc.sql("UPDATE employment SET current = FALSE WHERE id IN (SELECT line_id FROM " + PLAN
                    + " WHERE project_id = :p AND line_id IS NOT NULL AND NOT same)").param("p", plan.projectId()).update();
            written += jdbc.sql("""
                    INSERT INTO employment (worker_id, project_id, worker_name, team, employer_credit_code,
                        bank_card_cipher, bank_card_hash, bank_card_masked, bank_card_luhn_warning, bank_name,
                        contract_signed, entry_date, exit_date, source_import_id, source_row, created_by)
                    SELECT w.id, r.project_id, r.name, r.team, r.employer, r.card_cipher, r.card_hash, r.card_masked,
                           r.card_warning, r.bank, r.contract, r.entry_date, r.exit_date, :version, r.row_no, :by
                      FROM %s r JOIN worker w ON w.id_number_hash = r.id_hash
                     WHERE r.project_id = :p AND (r.line_id IS NULL OR NOT r.same)
                     ORDER BY r.row_no
                    """.formatted(PLAN)).param("p", plan.projectId()).param("version", version)
                    .param("by", officer.username()).update();
            leave(plan.leaving().stream().map(RosterPreview.Leaver::employmentId).toList(), effective, version, officer);
            left += plan.leaving().size();
            if (plan.existing() == 0) {
                created++;
            } else {
                replaced++;
            }
            changed(plan.projectId(), Set.of());
        }
        progress.applied(written);
        logApplied(fileName, (mode == RosterMode.FULL ? "完整花名册（生效日期 " + effective + "）" : "新增人员") + "，写入 "
                + written + " 行，离场 " + left + " 人，新报送 " + created + " 份、变更 " + replaced + " 份、内容未变 "
                + unchanged + " 份", staged.problems().count());
        return new ImportOutcome(written, created, replaced, unchanged, staged.problems().all(), true, left,
                staged.problems().count(), List.of(), false);
    }

    /** What the upload would do, writing nothing: the page shows it before a full roster is confirmed. */
    @Transactional
    public RosterPreview preview(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, OfficerPrincipal officer) {
        LocalDate effective = effective(effectiveDate);
        Staged staged = stage(fileName, in, goodRowsOnly && mode == RosterMode.ADDITIONS, officer, ImportProgress.NONE);
        if (staged.refused() != null) {
            return new RosterPreview(mode, effective, List.of(), staged.refused().problems(), staged.refused());
        }
        List<RosterPreview.ProjectChanges> changes = new ArrayList<>();
        for (Plan plan : plan(staged.projects(), mode, effective)) {
            ProjectSummary summary = projects.summary(plan.projectId()).orElseThrow();
            changes.add(new RosterPreview.ProjectChanges(plan.projectId(), summary.code(), summary.name(),
                    plan.joining(), plan.changing(), plan.unchanged(), plan.leaving()));
        }
        return new RosterPreview(mode, effective, changes, staged.problems().all(), null);
    }

    private static LocalDate effective(LocalDate requested) {
        LocalDate today = LocalDate.now(CHINA);
        if (requested != null && requested.isAfter(today)) {
            throw new IllegalArgumentException("花名册生效日期不能晚于今天（" + today + "）。");
        }
        return requested == null ? today : requested;
    }

    /** One roster upload of a project at a time: the second waits and then sees what the first wrote. */
    private void lock(long projectId) {
        AdvisoryLocks.lockForTransaction(jdbc, ROSTER_LOCK + projectId);
    }

    /** The staged file: its projects in the order they first appear, its problems, or the refusal. */
    private record Staged(List<Long> projects, ImportProblems problems, ImportOutcome refused) {
    }

    /**
     * Reads the file as a stream (no row cap, the roster's size limit), checks every row as it is read and sends the
     * good ones by COPY into {@link #STAGE} — each with the blind indexes of its ID, card and phone numbers, the
     * numbers encrypted, and the 64-bit hash of its content — keeping none in memory. The refusal is logged.
     */
    private Staged stage(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
            ImportProgress progress) {
        progress.phase(ImportProgress.Phase.READING);
        ImportProblems problems = new ImportProblems();
        StagedWorkers workers = new StagedWorkers(sensitive);
        try (StagingCopy copy = pipeline.staging(STAGE, "row_no BIGINT NOT NULL, project_id BIGINT NOT NULL, "
                + "fp BIGINT NOT NULL, " + StagedWorkers.COLUMNS + ", name TEXT, phone_cipher TEXT, phone_hash TEXT, "
                + "card_cipher TEXT, card_hash TEXT, card_masked TEXT, card_warning BOOLEAN, bank TEXT, team TEXT, "
                + "employer TEXT, contract BOOLEAN, entry_date DATE, exit_date DATE")) {
            RowParser parser = parser(officer);
            List<Problem> rowProblems = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            long[] rows = {0};
            TabularFile.stream(fileName, in, COLUMNS, pipeline.limits(ImportKind.ROSTER.name()), row -> {
                rowProblems.clear();
                String code = row.get(PROJECT);
                if (code != null && codes.add(code)) {
                    copy.pause(); // the project is looked up: the COPY lets go of the connection first
                }
                Entry e = parser.parse(row, rowProblems);
                if (!rowProblems.isEmpty()) {
                    problems.addAll(rowProblems);
                } else if (e != null) {
                    String card = e.card().value();
                    Object[] id = workers.values(e.id());
                    copy.row(e.row(), e.projectId(), SliceImport.hash64(e.canonical()), id[0], id[1], id[2], id[3],
                            id[4], e.name(), e.phone() == null ? null : sensitive.encrypt(e.phone()),
                            e.phone() == null ? null : sensitive.index(e.phone()), sensitive.encrypt(card),
                            sensitive.index(card), Masking.bankCard(card),
                            e.card().verifiedValue().map(c -> !c.luhnValid()).orElse(true), e.bank(), e.team(),
                            e.employer(), e.contract(), e.entry(), e.exit());
                }
                progress.read(++rows[0]);
            });
            copy.finish();
        }
        progress.phase(ImportProgress.Phase.CHECKING);
        if (!problems.isEmpty() && !goodRowsOnly) {
            operationLog.record(ImportKind.ROSTER.name() + "_IMPORT", "data_import", null, "导入被拒绝：" + fileName
                    + "，错误 " + problems.count() + " 处");
            return new Staged(List.of(), problems, ImportOutcome.refused(problems));
        }
        List<Long> projectIds = jdbc.sql("SELECT project_id FROM " + STAGE + " GROUP BY project_id ORDER BY min(row_no)")
                .query(Long.class).list();
        return new Staged(projectIds, problems, null);
    }

    /**
     * What an upload does to one project: the rows of the file (one per worker), the current lines before it, the rows
     * that start a new period, the rows replacing a current line, the rows equal to their line, the periods ended.
     */
    private record Plan(long projectId, long rows, String fingerprint, long existing, int joining, int changing,
            int unchanged, List<RosterPreview.Leaver> leaving) {
        boolean unchangedAll() {
            return joining == 0 && changing == 0 && leaving.isEmpty();
        }
    }

    /**
     * Plans every project of the staged file in SQL: the later row of a worker listed twice in one project replaces
     * the earlier (FORMATS.md); each row finds the current line it speaks about — the period with the same entry
     * date, else the worker's latest period unless it ended before the row's entry date (then the row starts a new
     * period) — and is equal to it or changes it; a full roster ends the periods of the workers it does not list who
     * are on site on the effective day.
     */
    private List<Plan> plan(List<Long> projectIds, RosterMode mode, LocalDate effective) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        jdbc.sql("DROP TABLE IF EXISTS " + PLAN).update();
        jdbc.sql("""
                CREATE TEMP TABLE %s ON COMMIT DROP AS
                SELECT r.*, l.id AS line_id, COALESCE(l.same, FALSE) AS same
                  FROM (SELECT DISTINCT ON (project_id, id_hash) * FROM %s
                         ORDER BY project_id, id_hash, row_no DESC) r
                  LEFT JOIN LATERAL (
                       SELECT e.id, e.entry_date, e.exit_date,
                              (e.worker_name IS NOT DISTINCT FROM r.name AND e.team IS NOT DISTINCT FROM r.team
                               AND e.employer_credit_code IS NOT DISTINCT FROM r.employer
                               AND e.bank_card_hash = r.card_hash AND e.bank_name IS NOT DISTINCT FROM r.bank
                               AND e.contract_signed = r.contract AND e.entry_date = r.entry_date
                               AND e.exit_date IS NOT DISTINCT FROM r.exit_date
                               AND (r.phone_hash IS NULL OR r.phone_hash = w.phone_hash)) AS same
                         FROM employment e JOIN worker w ON w.id = e.worker_id
                        WHERE e.project_id = r.project_id AND e.current AND w.id_number_hash = r.id_hash
                        ORDER BY (e.entry_date = r.entry_date) DESC, e.entry_date DESC, e.source_import_id,
                              e.source_row, e.id
                        LIMIT 1) l
                    ON l.entry_date = r.entry_date OR l.exit_date IS NULL OR r.entry_date <= l.exit_date
                """.formatted(PLAN, STAGE)).update();
        record Counts(long rows, String fingerprint, int joining, int changing, int unchanged) {
        }
        Map<Long, Counts> counts = new HashMap<>();
        jdbc.sql("SELECT project_id, count(*), sum(fp), count(*) FILTER (WHERE line_id IS NULL), "
                + "count(*) FILTER (WHERE line_id IS NOT NULL AND NOT same), count(*) FILTER (WHERE same) FROM " + PLAN
                + " GROUP BY project_id").query(rs -> {
                    counts.put(rs.getLong(1), new Counts(rs.getLong(2), ImportValues.fingerprint(List.of("roster",
                            String.valueOf(rs.getLong(2)), rs.getBigDecimal(3).toPlainString())), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6)));
                });
        Map<Long, Long> existing = new HashMap<>();
        jdbc.sql("SELECT project_id, count(*) FROM employment WHERE current AND project_id IN (:ps) GROUP BY project_id")
                .param("ps", projectIds).query(rs -> {
                    existing.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, List<RosterPreview.Leaver>> leaving = new HashMap<>();
        if (mode == RosterMode.FULL) {
            jdbc.sql("""
                    SELECT e.project_id, e.id, e.worker_id, e.worker_name, w.id_number_masked, e.team, e.entry_date
                      FROM employment e JOIN worker w ON w.id = e.worker_id
                     WHERE e.project_id IN (:ps) AND e.current AND (e.exit_date IS NULL OR e.exit_date > :effective)
                       AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.project_id = e.project_id
                                          AND r.id_hash = w.id_number_hash)
                     ORDER BY e.project_id, e.source_import_id, e.source_row, e.id
                    """.formatted(PLAN)).param("ps", projectIds).param("effective", Date.valueOf(effective))
                    .query(rs -> {
                        leaving.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(new RosterPreview.Leaver(
                                rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getDate(7).toLocalDate()));
                    });
        }
        List<Plan> plans = new ArrayList<>();
        for (long projectId : projectIds) {
            Counts c = counts.get(projectId);
            plans.add(new Plan(projectId, c.rows(), c.fingerprint(), existing.getOrDefault(projectId, 0L), c.joining(),
                    c.changing(), c.unchanged(), leaving.getOrDefault(projectId, List.of())));
        }
        return plans;
    }

    /**
     * The workers of the rows to be written, set-wise as {@link Workers#identify} does one by one: first seen ones are
     * registered, and a name (or phone) from the roster replaces the one on file — the worker's last row in the file.
     */
    private void registerWorkers(OfficerPrincipal officer) {
        StagedWorkers.register(jdbc, STAGE, "name", officer.username());
        jdbc.sql("""
                UPDATE worker w SET name = COALESCE(s.name, w.name), phone_cipher = COALESCE(s.phone_cipher, w.phone_cipher),
                       phone_hash = COALESCE(s.phone_hash, w.phone_hash), updated_at = now(), updated_by = :by
                  FROM (SELECT DISTINCT ON (id_hash) id_hash, name, phone_cipher, phone_hash FROM %s
                         WHERE line_id IS NULL OR NOT same ORDER BY id_hash, row_no DESC) s
                 WHERE w.id_number_hash = s.id_hash AND (w.name IS DISTINCT FROM COALESCE(s.name, w.name)
                       OR w.phone_hash IS DISTINCT FROM COALESCE(s.phone_hash, w.phone_hash))
                """.formatted(PLAN)).param("by", officer.username()).update();
    }

    /**
     * Ends periods on the effective date (not before their entry): each line stays as it was, not current, and a copy
     * with the exit date and the roster that recorded it becomes the current line. The worker's months before stay.
     */
    private void leave(List<Long> employmentIds, LocalDate effective, long version, OfficerPrincipal officer) {
        if (employmentIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE employment SET current = FALSE WHERE id IN (:ids)").param("ids", employmentIds).update();
        jdbc.sql("""
                INSERT INTO employment (worker_id, project_id, worker_name, team, employer_credit_code, bank_card_cipher,
                    bank_card_hash, bank_card_masked, bank_card_luhn_warning, bank_name, contract_signed, entry_date,
                    exit_date, source_import_id, source_row, current, exit_import_id, created_by)
                SELECT worker_id, project_id, worker_name, team, employer_credit_code, bank_card_cipher, bank_card_hash,
                       bank_card_masked, bank_card_luhn_warning, bank_name, contract_signed, entry_date,
                       GREATEST(entry_date, :effective), source_import_id, source_row, TRUE, :version, :by
                  FROM employment WHERE id IN (:ids) ORDER BY source_import_id, source_row, id
                """).param("ids", employmentIds).param("effective", Date.valueOf(effective)).param("version", version)
                .param("by", officer.username()).update();
    }

    /** The logged summary of an applied import. */
    private void logApplied(String fileName, String summary, long problems) {
        operationLog.record(ImportKind.ROSTER.name() + "_IMPORT", "data_import", null, "导入" + fileName + "：" + summary
                + "，错误 " + problems + " 处");
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** Checks one row after another. */
    private interface RowParser {
        Entry parse(Row row, List<Problem> problems);
    }

    private RowParser parser(OfficerPrincipal officer) {
        ProjectCodes codes = new ProjectCodes(projects, p -> covers(officer, p), "该项目不在您的管理范围内，不能为其报送数据");
        return (row, problems) -> {
            boolean complete = ImportValues.required(row, COLUMNS, problems);
            ProjectSummary project = codes.resolve(row, PROJECT, problems);
            Boolean contract = ImportValues.yesNo(row, CONTRACT, problems);
            LocalDate entry = ImportValues.date(row, ENTRY, problems);
            LocalDate exit = ImportValues.date(row, EXIT, problems);
            String name = ImportValues.text(row, NAME, 64, problems);
            String bank = ImportValues.text(row, BANK, 100, problems);
            String team = ImportValues.text(row, TEAM, 64, problems);
            String employer = row.get(EMPLOYER) == null ? null : row.get(EMPLOYER).toUpperCase(Locale.ROOT);
            if (employer != null && employer.length() != 18) {
                problems.add(org.wageguard.shared.imports.Problem.of(row, EMPLOYER, "统一社会信用代码应为 18 位"));
            }
            if (entry != null && exit != null && exit.isBefore(entry)) {
                problems.add(org.wageguard.shared.imports.Problem.of(row, EXIT, "退场日期早于进场日期"));
            }
            if (!complete || project == null || contract == null || entry == null) {
                return null;
            }
            // An ID failing GB 11643 is imported as sent and flagged, never refused or corrected (FORMATS.md).
            return new Entry(project.id(), row.number(), IdNumber.parseLenient(row.get(ID_NUMBER)), name,
                    row.get(PHONE), BankCard.parseLenient(row.get(CARD)), bank, team, employer, contract, entry, exit);
        };
    }

    static boolean covers(OfficerPrincipal officer, ProjectSummary p) {
        return officer.scope().covers(p.regionCode(), p.departmentId(), p.contractorCode(), null, null);
    }

    /** After the roster of a project changed: every month of the project is reconciled once the import committed. */
    private void changed(long projectId, Set<YearMonth> months) {
        events.publishEvent(new RealNameDataChanged(projectId, Set.of()));
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-001", "430981199003154518", "张建国", "13907371234", "6228480010012345673",
                "中国农业银行沅江市支行", "钢筋班", "91430981MA4L12340E", "Y", "2026-03-20", ""));
    }
}
