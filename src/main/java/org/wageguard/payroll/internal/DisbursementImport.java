package org.wageguard.payroll.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.Reconciliations;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.project.SpecialAccounts;
import org.wageguard.shared.BankCard;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.Masking;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.ImportProblems;
import org.wageguard.shared.imports.Problem;
import org.wageguard.workforce.DataImports;
import org.wageguard.workforce.ImportKind;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.ImportValues;
import org.wageguard.workforce.ProjectCodes;
import org.wageguard.workforce.SliceImport;

/**
 * disbursements.csv (专用账户代发流水): replaces, per project and payroll month, that month's disbursements; then
 * reconciles the month. A transaction id repeated within a project is a bad row.
 *
 * <p>Who may send it: a bank's officer for the projects whose special account (专用账户) is bound now to the officer's
 * bank organisation ({@link SpecialAccounts}: by the branch's credit code, never by a bank's name); officers otherwise
 * by their data scope.
 */
@Service
public class DisbursementImport extends SliceImport<DisbursementImport.Entry> {

    public static final Column PROJECT = Column.required("project_code", "项目编号");
    public static final Column TRANSACTION = Column.required("transaction_id", "交易流水号");
    public static final Column CARD = Column.required("bank_card", "收款卡号");
    public static final Column PAYEE = Column.required("payee_name", "收款人姓名");
    public static final Column PAYEE_ID = Column.optional("payee_id_number", "收款人身份证号");
    public static final Column AMOUNT = Column.required("amount", "金额");
    public static final Column VALUE_DATE = Column.required("value_date", "交易日期");
    public static final Column STATUS = Column.required("status", "状态");
    public static final Column MONTH = Column.required("month", "工资所属月份");
    public static final List<Column> COLUMNS = List.of(PROJECT, TRANSACTION, CARD, PAYEE, PAYEE_ID, AMOUNT, VALUE_DATE,
            STATUS, MONTH);

    private static final Map<String, String> STATUSES = Map.of("SUCCESS", "SUCCESS", "FAILED", "FAILED",
            "RETURNED", "RETURNED", "成功", "SUCCESS", "失败", "FAILED", "退回", "RETURNED");

    record Entry(long projectId, YearMonth month, long row, String transactionId, String card, String payee,
            String payeeId, BigDecimal amount, LocalDate valueDate, String status) implements SliceImport.Parsed {
        @Override
        public String canonical() {
            return SliceImport.canonical(transactionId, card, payee, payeeId, amount, valueDate, status);
        }
    }

    private final Projects projects;
    private final SpecialAccounts specialAccounts;
    private final SensitiveData sensitive;
    private final Reconciliations reconciliations;
    private final OperationLog operationLog;
    private final MessageSource messages;

    DisbursementImport(DataImports dataImports, OperationLog operationLog, Projects projects,
            SpecialAccounts specialAccounts, SensitiveData sensitive, JdbcClient jdbc, ImportPipeline pipeline,
            Reconciliations reconciliations, MessageSource messages) {
        super(dataImports, operationLog, pipeline, jdbc);
        this.operationLog = operationLog;
        this.messages = messages;
        this.projects = projects;
        this.specialAccounts = specialAccounts;
        this.sensitive = sensitive;
        this.reconciliations = reconciliations;
    }

    @Override
    protected ImportKind kind() {
        return ImportKind.DISBURSEMENT;
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    /**
     * A bank's officer sends disbursements only for the projects whose special account is bound, now, to the bank
     * organisation the account belongs to (its organisation code is the branch's credit code); anybody else within
     * their data scope.
     */
    boolean mayImport(OfficerPrincipal officer, ProjectSummary p) {
        if (officer.hasRole("BANK")) {
            return specialAccounts.boundTo(p.id(), officer.scope().organisationCode());
        }
        return officer.scope().covers(p.regionCode(), p.departmentId(), p.contractorCode(), null, null);
    }

    /** The reason a project is refused to this sender, in Chinese. */
    String refusal(OfficerPrincipal officer) {
        return refusal(officer, "payroll.disbursement");
    }

    /** The reason, from the bundle's {@code <keys>.outOfScope}, {@code .noOrganisation} and {@code .notBound}. */
    String refusal(OfficerPrincipal officer, String keys) {
        if (!officer.hasRole("BANK")) {
            return text(keys + ".outOfScope");
        }
        String code = officer.scope().organisationCode();
        return code == null ? text(keys + ".noOrganisation")
                : messages.getMessage(keys + ".notBound", new Object[] {officer.organisationName() == null
                        ? code : officer.organisationName() + "，" + code}, Locale.SIMPLIFIED_CHINESE);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    protected RowParser<Entry> parser(OfficerPrincipal officer) {
        String refusal = refusal(officer);
        Set<Long> refused = new HashSet<>();
        ProjectCodes codes = new ProjectCodes(projects, p -> {
            boolean may = mayImport(officer, p);
            if (!may && refused.add(p.id())) {
                // Each refused project once a file, in the operation log like every refusal.
                operationLog.recordOutcome(kind().name() + "_IMPORT", "project", p.id(), "拒绝：" + p.code() + " "
                        + refusal, OperationLog.Result.DENIED);
            }
            return may;
        }, refusal);
        return (row, problems) -> {
            boolean complete = ImportValues.required(row, COLUMNS, problems);
            ProjectSummary project = codes.resolve(row, PROJECT, problems);
            YearMonth month = ImportValues.month(row, MONTH, problems);
            BigDecimal amount = ImportValues.money(row, AMOUNT, problems);
            LocalDate valueDate = ImportValues.date(row, VALUE_DATE, problems);
            String payee = ImportValues.text(row, PAYEE, 64, problems);
            String transaction = ImportValues.text(row, TRANSACTION, 64, problems);
            String status = row.get(STATUS) == null ? null : STATUSES.get(row.get(STATUS).toUpperCase(Locale.ROOT));
            if (row.get(STATUS) != null && status == null) {
                problems.add(Problem.of(row, STATUS, "状态应为 SUCCESS、FAILED 或 RETURNED（成功/失败/退回）"));
            }
            if (!complete || project == null || month == null || amount == null || valueDate == null || status == null
                    || transaction == null) {
                return null;
            }
            String payeeId = row.get(PAYEE_ID) == null ? null : IdNumber.parseLenient(row.get(PAYEE_ID)).value();
            return new Entry(project.id(), month, row.number(), transaction, BankCard.parseLenient(row.get(CARD)).value(),
                    payee, payeeId, amount, valueDate, status);
        };
    }

    @Override
    protected String stagingColumns() {
        return "transaction_id VARCHAR(64) NOT NULL, card_cipher TEXT NOT NULL, card_hash VARCHAR(64) NOT NULL, "
                + "card_masked VARCHAR(32) NOT NULL, payee_name VARCHAR(64) NOT NULL, payee_id_cipher TEXT, "
                + "payee_id_hash VARCHAR(64), amount NUMERIC(16, 2) NOT NULL, value_date DATE NOT NULL, "
                + "status VARCHAR(16) NOT NULL";
    }

    @Override
    protected Object[] stagingValues(Entry e) {
        return new Object[] {e.transactionId(), sensitive.encrypt(e.card()), sensitive.index(e.card()),
                Masking.bankCard(e.card()), e.payee(), sensitive.encrypt(e.payeeId()), sensitive.index(e.payeeId()),
                e.amount(), e.valueDate(), e.status()};
    }

    @Override
    protected String keyColumns() {
        return "transaction_id";
    }

    /**
     * A transaction id is unique within a project: a second row with it in the file is bad, and so is one that the
     * project's current disbursements of another month already have.
     */
    @Override
    protected void checkStaged(ImportProblems problems, OfficerPrincipal officer) {
        String label = TRANSACTION.label();
        jdbc.sql("""
                SELECT row_no, transaction_id, first_row FROM (
                    SELECT row_no, transaction_id,
                           min(row_no) OVER (PARTITION BY project_id, transaction_id) AS first_row
                      FROM import_stage) t
                 WHERE row_no > first_row ORDER BY row_no
                """).query((rs, n) -> new Problem(rs.getLong(1), label, rs.getString(2), "交易流水号与第 "
                        + rs.getLong(3) + " 行重复（同一项目内不得重复）")).list().forEach(problems::add);
        jdbc.sql("""
                DELETE FROM import_stage s USING import_stage f
                 WHERE f.project_id = s.project_id AND f.transaction_id = s.transaction_id AND f.row_no < s.row_no
                """).update();
        jdbc.sql("""
                SELECT DISTINCT s.row_no, s.transaction_id, to_char(d.month, 'YYYY-MM')
                  FROM import_stage s
                  JOIN disbursement d ON d.project_id = s.project_id AND d.transaction_id = s.transaction_id
                   AND d.current AND d.month <> s.month
                 ORDER BY s.row_no
                """).query((rs, n) -> new Problem(rs.getLong(1), label, rs.getString(2), "该交易流水号已在本项目 "
                        + rs.getString(3) + " 的代发流水中")).list().forEach(problems::add);
        jdbc.sql("""
                DELETE FROM import_stage s USING disbursement d
                 WHERE d.project_id = s.project_id AND d.transaction_id = s.transaction_id AND d.current
                   AND d.month <> s.month
                """).update();
    }

    @Override
    protected void supersede(long versionId) {
        jdbc.sql("UPDATE disbursement SET current = FALSE WHERE source_import_id = :v").param("v", versionId).update();
    }

    @Override
    protected long write(OfficerPrincipal officer) {
        return jdbc.sql("""
                INSERT INTO disbursement (project_id, month, transaction_id, card_cipher, card_hash, card_masked,
                    payee_name, payee_id_cipher, payee_id_hash, amount, value_date, status, source_import_id,
                    source_row, created_by)
                SELECT r.project_id, r.month, r.transaction_id, r.card_cipher, r.card_hash, r.card_masked, r.payee_name,
                       r.payee_id_cipher, r.payee_id_hash, r.amount, r.value_date, r.status, s.version_id, r.row_no, :by
                  FROM import_rows r
                  JOIN import_slice s ON s.project_id = r.project_id AND s.month = r.month
                """).param("by", officer.username()).update();
    }

    /** After the commit: the changed months of a project are reconciled together, in a transaction of their own. */
    @Override
    protected void changed(long projectId, Set<YearMonth> months) {
        reconciliations.reconcileMonths(projectId, months);
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-004", "ABC20261215000001", "6228480010012345673", "张建国", "430981199003154518",
                "6600.00", "2026-12-15", "SUCCESS", "2026-11"));
    }
}
