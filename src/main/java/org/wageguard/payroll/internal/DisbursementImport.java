package org.wageguard.payroll.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.Reconciliations;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.BankCard;
import org.wageguard.shared.IdNumber;
import org.wageguard.shared.Masking;
import org.wageguard.shared.imports.Column;
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
 * <p>Who may send it: a bank's officer for the projects whose special account (专用账户) is recorded at that bank —
 * the bank named by the officer's organisation up to "银行", e.g. 中国农业银行 — since a bank's organisation scope
 * (its own credit code) matches no project's contractor; officers otherwise by their data scope.
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
        public String key() {
            return transactionId;
        }

        @Override
        public String canonical() {
            return SliceImport.canonical(transactionId, card, payee, payeeId, amount, valueDate, status);
        }
    }

    private final Projects projects;
    private final ComplianceItems compliance;
    private final SensitiveData sensitive;
    private final JdbcClient jdbc;
    private final Reconciliations reconciliations;

    DisbursementImport(DataImports dataImports, OperationLog operationLog, Projects projects,
            ComplianceItems compliance, SensitiveData sensitive, JdbcClient jdbc, Reconciliations reconciliations) {
        super(dataImports, operationLog);
        this.projects = projects;
        this.compliance = compliance;
        this.sensitive = sensitive;
        this.jdbc = jdbc;
        this.reconciliations = reconciliations;
    }

    @Transactional
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return run(fileName, in, goodRowsOnly, officer);
    }

    @Override
    protected ImportKind kind() {
        return ImportKind.DISBURSEMENT;
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    /** The bank's name without its branch: 中国农业银行股份有限公司沅江市支行 → 中国农业银行. */
    static String bank(String organisation) {
        if (organisation == null) {
            return null;
        }
        int end = organisation.indexOf("银行");
        return end < 0 ? organisation : organisation.substring(0, end + 2);
    }

    boolean mayImport(OfficerPrincipal officer, ProjectSummary p) {
        if (officer.hasRole("BANK")) {
            String bank = bank(officer.organisationName());
            return bank != null && compliance.item(p.id(), ComplianceKind.SPECIAL_ACCOUNT)
                    .map(i -> i.facts().bankName()).filter(name -> name != null && name.contains(bank)).isPresent();
        }
        return officer.scope().covers(p.regionCode(), p.departmentId(), p.contractorCode(), null, null);
    }

    @Override
    protected RowParser<Entry> parser(OfficerPrincipal officer) {
        ProjectCodes codes = new ProjectCodes(projects, p -> mayImport(officer, p), officer.hasRole("BANK")
                ? "该项目的农民工工资专用账户不在本行，不能为其报送代发流水" : "该项目不在您的管理范围内，不能为其报送数据");
        Map<String, Long> seen = new HashMap<>();
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
            if (project != null && transaction != null) {
                Long first = seen.putIfAbsent(project.id() + "|" + transaction, row.number());
                if (first != null) {
                    problems.add(Problem.of(row, TRANSACTION, "交易流水号与第 " + first + " 行重复（同一项目内不得重复）"));
                    return null;
                }
                if (month != null) {
                    jdbc.sql("""
                            SELECT to_char(month, 'YYYY-MM') FROM disbursement
                             WHERE project_id = :p AND transaction_id = :t AND current AND month <> :m
                            """).param("p", project.id()).param("t", transaction).param("m", Date.valueOf(month.atDay(1)))
                            .query(String.class).optional().ifPresent(other -> problems.add(Problem.of(row, TRANSACTION,
                                    "该交易流水号已在本项目 " + other + " 的代发流水中")));
                }
            }
            if (!complete || project == null || month == null || amount == null || valueDate == null || status == null) {
                return null;
            }
            String payeeId = row.get(PAYEE_ID) == null ? null : IdNumber.parseLenient(row.get(PAYEE_ID)).value();
            return new Entry(project.id(), month, row.number(), transaction, BankCard.parseLenient(row.get(CARD)).value(),
                    payee, payeeId, amount, valueDate, status);
        };
    }

    @Override
    protected void supersede(long versionId) {
        jdbc.sql("UPDATE disbursement SET current = FALSE WHERE source_import_id = :v").param("v", versionId).update();
    }

    @Override
    protected void write(long versionId, List<Entry> rows, OfficerPrincipal officer) {
        for (Entry e : rows) {
            jdbc.sql("""
                    INSERT INTO disbursement (project_id, month, transaction_id, card_cipher, card_hash, card_masked,
                        payee_name, payee_id_cipher, payee_id_hash, amount, value_date, status, source_import_id,
                        source_row, created_by)
                    VALUES (:p, :m, :t, :cardCipher, :cardHash, :cardMasked, :payee, :idCipher, :idHash, :amount,
                        :valueDate, :status, :v, :row, :by)
                    """).param("p", e.projectId()).param("m", Date.valueOf(e.month().atDay(1))).param("t", e.transactionId())
                    .param("cardCipher", sensitive.encrypt(e.card())).param("cardHash", sensitive.index(e.card()))
                    .param("cardMasked", Masking.bankCard(e.card())).param("payee", e.payee())
                    .param("idCipher", sensitive.encrypt(e.payeeId())).param("idHash", sensitive.index(e.payeeId()))
                    .param("amount", e.amount()).param("valueDate", Date.valueOf(e.valueDate()))
                    .param("status", e.status()).param("v", versionId).param("row", e.row())
                    .param("by", officer.username()).update();
        }
    }

    @Override
    protected void changed(long projectId, Set<YearMonth> months) {
        months.forEach(m -> reconciliations.reconcile(projectId, m));
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-004", "ABC20261215000001", "6228480010012345673", "张建国", "430981199003154518",
                "6600.00", "2026-12-15", "SUCCESS", "2026-11"));
    }
}
