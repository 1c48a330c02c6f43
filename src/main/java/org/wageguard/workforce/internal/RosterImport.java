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
import org.wageguard.workforce.WholeFileImport;
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
public class RosterImport extends WholeFileImport<RosterImport.Entry> {

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
            implements WholeFileImport.Parsed {
        @Override
        public YearMonth month() {
            return null;
        }

        @Override
        public String key() {
            return id.value();
        }

        @Override
        public String canonical() {
            return org.wageguard.workforce.SliceImport.canonical(id.value(), name, phone, card.value(), bank, team, employer, contract, entry,
                    exit);
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The advisory lock key space of roster uploads ("ROST" in the high bits), one key per project. */
    private static final long ROSTER_LOCK = 0x524F535400000000L;

    private final DataImports imports;
    private final Projects projects;
    private final Workers workers;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RosterImport(DataImports dataImports, OperationLog operationLog, Projects projects, Workers workers,
            SensitiveData sensitive, JdbcClient jdbc, ApplicationEventPublisher events) {
        super(dataImports, operationLog);
        this.imports = dataImports;
        this.projects = projects;
        this.workers = workers;
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
        LocalDate effective = effective(effectiveDate);
        Read<Entry> read = read(fileName, in, goodRowsOnly && mode == RosterMode.ADDITIONS, officer);
        if (read.refused() != null) {
            return read.refused();
        }
        List<Plan> plans = new ArrayList<>();
        for (var project : read.slices().entrySet()) {
            lock(project.getKey());
            plans.add(plan(project.getKey(), project.getValue().get(null), mode, effective));
        }
        if (confirmedLeavers != null && !confirmedLeavers.equals(plans.stream()
                .flatMap(p -> p.leaving().stream()).map(Existing::employmentId).collect(Collectors.toSet()))) {
            throw new RosterChangedException();
        }
        int written = 0, created = 0, replaced = 0, unchanged = 0, left = 0;
        for (Plan plan : plans) {
            if (plan.unchangedAll()) {
                unchanged++;
                continue;
            }
            String fingerprint = ImportValues.fingerprint(plan.rows().stream().map(Entry::canonical).toList());
            long version = imports.recordRoster(plan.projectId(), fileName, fingerprint, plan.rows().size(), mode,
                    effective, plan.leaving().size(), officer);
            for (Existing replacedLine : plan.changing().values()) {
                notCurrent(replacedLine.employmentId());
            }
            List<Entry> lines = new ArrayList<>(plan.joining());
            lines.addAll(plan.changing().keySet());
            lines.sort(java.util.Comparator.comparingLong(Entry::row));
            write(version, lines, officer);
            for (Existing leaver : plan.leaving()) {
                leave(leaver.employmentId(), effective, version, officer);
            }
            written += lines.size();
            left += plan.leaving().size();
            if (plan.existing().isEmpty()) {
                created++;
            } else {
                replaced++;
            }
            changed(plan.projectId(), Set.of());
        }
        logApplied(fileName, (mode == RosterMode.FULL ? "完整花名册（生效日期 " + effective + "）" : "新增人员") + "，写入 "
                + written + " 行，离场 " + left + " 人，新报送 " + created + " 份、变更 " + replaced + " 份、内容未变 "
                + unchanged + " 份", read.problems().size());
        return new ImportOutcome(written, created, replaced, unchanged, read.problems(), true, left);
    }

    /** What the upload would do, writing nothing: the page shows it before a full roster is confirmed. */
    @Transactional
    public RosterPreview preview(String fileName, InputStream in, boolean goodRowsOnly, RosterMode mode,
            LocalDate effectiveDate, OfficerPrincipal officer) {
        LocalDate effective = effective(effectiveDate);
        Read<Entry> read = read(fileName, in, goodRowsOnly && mode == RosterMode.ADDITIONS, officer);
        if (read.refused() != null) {
            return new RosterPreview(mode, effective, List.of(), read.problems(), read.refused());
        }
        List<RosterPreview.ProjectChanges> changes = new ArrayList<>();
        for (var project : read.slices().entrySet()) {
            Plan plan = plan(project.getKey(), project.getValue().get(null), mode, effective);
            ProjectSummary summary = projects.summary(plan.projectId()).orElseThrow();
            changes.add(new RosterPreview.ProjectChanges(plan.projectId(), summary.code(), summary.name(),
                    plan.joining().size(), plan.changing().size(), plan.unchanged(), plan.leaving().stream()
                            .map(e -> new RosterPreview.Leaver(e.employmentId(), e.workerId(), e.name(), e.idMasked(),
                                    e.team(), e.entry())).toList()));
        }
        return new RosterPreview(mode, effective, changes, read.problems(), null);
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

    /** A current line of the project's roster history. */
    private record Existing(long employmentId, long workerId, String idHash, String name, String idMasked, String team,
            String employer, String cardHash, String bank, boolean contract, LocalDate entry, LocalDate exit,
            String phoneHash) {
    }

    /**
     * What an upload does to one project: the file's rows, the current lines before it, the rows that start a new
     * period, the rows replacing a current line (with that line), the rows equal to their line, the periods ended.
     */
    private record Plan(long projectId, List<Entry> rows, List<Existing> existing, List<Entry> joining,
            Map<Entry, Existing> changing, int unchanged, List<Existing> leaving) {
        boolean unchangedAll() {
            return joining.isEmpty() && changing.isEmpty() && leaving.isEmpty();
        }
    }

    private Plan plan(long projectId, List<Entry> rows, RosterMode mode, LocalDate effective) {
        List<Existing> existing = jdbc.sql("""
                SELECT e.id, e.worker_id, w.id_number_hash, e.worker_name, w.id_number_masked, e.team,
                       e.employer_credit_code, e.bank_card_hash, e.bank_name, e.contract_signed, e.entry_date,
                       e.exit_date, w.phone_hash
                  FROM employment e JOIN worker w ON w.id = e.worker_id
                 WHERE e.project_id = :p AND e.current
                 ORDER BY e.source_import_id, e.source_row, e.id
                """).param("p", projectId).query((rs, n) -> new Existing(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getBoolean(10), rs.getDate(11).toLocalDate(), local(rs.getDate(12)), rs.getString(13))).list();
        Map<String, List<Existing>> byWorker = new HashMap<>();
        existing.forEach(e -> byWorker.computeIfAbsent(e.idHash(), h -> new ArrayList<>()).add(e));
        List<Entry> joining = new ArrayList<>();
        Map<Entry, Existing> changing = new LinkedHashMap<>();
        int unchanged = 0;
        Set<String> listed = new HashSet<>();
        for (Entry row : rows) {
            String hash = sensitive.index(row.id().value());
            listed.add(hash);
            Existing line = line(byWorker.getOrDefault(hash, List.of()), row.entry());
            if (line == null) {
                joining.add(row);
            } else if (same(row, line)) {
                unchanged++;
            } else {
                changing.put(row, line);
            }
        }
        List<Existing> leaving = mode == RosterMode.ADDITIONS ? List.of() : existing.stream()
                .filter(e -> !listed.contains(e.idHash()) && (e.exit() == null || e.exit().isAfter(effective)))
                .toList();
        return new Plan(projectId, rows, existing, joining, changing, unchanged, leaving);
    }

    /**
     * The current line a row speaks about: the period with the same entry date, else the worker's latest period
     * unless it ended before the row's entry date (then the row starts a new period); null for a new period.
     */
    private static Existing line(List<Existing> periods, LocalDate entry) {
        Existing latest = null;
        for (Existing p : periods) {
            if (p.entry().equals(entry)) {
                return p;
            }
            if (latest == null || p.entry().isAfter(latest.entry())) {
                latest = p;
            }
        }
        return latest == null || latest.exit() != null && entry.isAfter(latest.exit()) ? null : latest;
    }

    private boolean same(Entry row, Existing line) {
        return Objects.equals(row.name(), line.name()) && Objects.equals(row.team(), line.team())
                && Objects.equals(row.employer(), line.employer())
                && sensitive.index(row.card().value()).equals(line.cardHash()) && Objects.equals(row.bank(), line.bank())
                && row.contract() == line.contract() && row.entry().equals(line.entry())
                && Objects.equals(row.exit(), line.exit())
                && (row.phone() == null || sensitive.index(row.phone()).equals(line.phoneHash()));
    }

    private void notCurrent(long employmentId) {
        jdbc.sql("UPDATE employment SET current = FALSE WHERE id = :id").param("id", employmentId).update();
    }

    /**
     * Ends a period on the effective date (not before its entry): the line stays as it was, not current, and a copy
     * with the exit date and the roster that recorded it becomes the current line. The worker's months before stay.
     */
    private void leave(long employmentId, LocalDate effective, long version, OfficerPrincipal officer) {
        notCurrent(employmentId);
        jdbc.sql("""
                INSERT INTO employment (worker_id, project_id, worker_name, team, employer_credit_code, bank_card_cipher,
                    bank_card_hash, bank_card_masked, bank_card_luhn_warning, bank_name, contract_signed, entry_date,
                    exit_date, source_import_id, source_row, current, exit_import_id, created_by)
                SELECT worker_id, project_id, worker_name, team, employer_credit_code, bank_card_cipher, bank_card_hash,
                       bank_card_masked, bank_card_luhn_warning, bank_name, contract_signed, entry_date,
                       GREATEST(entry_date, :effective), source_import_id, source_row, TRUE, :version, :by
                  FROM employment WHERE id = :id
                """).param("id", employmentId).param("effective", Date.valueOf(effective)).param("version", version)
                .param("by", officer.username()).update();
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    @Override
    protected ImportKind kind() {
        return ImportKind.ROSTER;
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    @Override
    protected RowParser<Entry> parser(OfficerPrincipal officer) {
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

    /** A roster upload supersedes no earlier upload: it changes the periods it concerns (see the class comment). */
    @Override
    protected void supersede(long versionId) {
        throw new UnsupportedOperationException("a roster upload supersedes nothing");
    }

    @Override
    protected void write(long versionId, List<Entry> rows, OfficerPrincipal officer) {
        for (Entry e : rows) {
            long worker = workers.identify(e.id(), e.name(), e.phone());
            String card = e.card().value();
            boolean warning = e.card().verifiedValue().map(c -> !c.luhnValid()).orElse(true);
            jdbc.sql("""
                    INSERT INTO employment (worker_id, project_id, worker_name, team, employer_credit_code,
                        bank_card_cipher, bank_card_hash, bank_card_masked, bank_card_luhn_warning, bank_name,
                        contract_signed, entry_date, exit_date, source_import_id, source_row, created_by)
                    VALUES (:worker, :project, :name, :team, :employer, :cardCipher, :cardHash, :cardMasked, :warning,
                        :bank, :contract, :entry, :exit, :version, :row, :by)
                    """).param("worker", worker).param("project", e.projectId()).param("name", e.name())
                    .param("team", e.team()).param("employer", e.employer()).param("cardCipher", sensitive.encrypt(card))
                    .param("cardHash", sensitive.index(card)).param("cardMasked", Masking.bankCard(card))
                    .param("warning", warning).param("bank", e.bank()).param("contract", e.contract())
                    .param("entry", Date.valueOf(e.entry())).param("exit", e.exit() == null ? null : Date.valueOf(e.exit()))
                    .param("version", versionId).param("row", e.row()).param("by", officer.username()).update();
        }
    }

    @Override
    protected void changed(long projectId, Set<YearMonth> months) {
        events.publishEvent(new RealNameDataChanged(projectId, Set.of()));
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-001", "430981199003154518", "张建国", "13907371234", "6228480010012345673",
                "中国农业银行沅江市支行", "钢筋班", "91430981MA4L12340E", "Y", "2026-03-20", ""));
    }
}
