package org.wageguard.workforce.internal;

import java.io.InputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import org.wageguard.workforce.SliceImport;
import org.wageguard.workforce.Workers;

/**
 * roster.csv (实名制花名册). A file is the whole roster of each project it names: it replaces that project's
 * current roster, whose rows stay as the superseded version.
 */
@Service
public class RosterImport extends SliceImport<RosterImport.Entry> {

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
            implements SliceImport.Parsed {
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
            return SliceImport.canonical(id.value(), name, phone, card.value(), bank, team, employer, contract, entry,
                    exit);
        }
    }

    private final Projects projects;
    private final Workers workers;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RosterImport(DataImports dataImports, OperationLog operationLog, Projects projects, Workers workers,
            SensitiveData sensitive, JdbcClient jdbc, ApplicationEventPublisher events) {
        super(dataImports, operationLog);
        this.projects = projects;
        this.workers = workers;
        this.sensitive = sensitive;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return run(fileName, in, goodRowsOnly, officer);
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

    @Override
    protected void supersede(long versionId) {
        jdbc.sql("UPDATE employment SET current = FALSE WHERE source_import_id = :v").param("v", versionId).update();
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
        return List.of(List.of("YJ-2021-001", "430981199003154518", "张建国", "13907371234", "6228480010012345678",
                "中国农业银行沅江市支行", "钢筋班", "91430981MA4L12340E", "Y", "2026-03-20", ""));
    }
}
