package org.wageguard.payroll.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.project.LaborCostTransfers;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.shared.imports.Problem;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.ImportValues;
import org.wageguard.workforce.ProjectCodes;

/**
 * statements.csv (专用账户对账单), the fifth format of docs/formats.md: a bank sends the special account's credits of
 * labor cost (人工费用拨付, the owner's transfers in: Decree 724 Art. 24) and its end-of-day balances through the data
 * API, so that early-warning rule 7 reads the transfers the bank booked rather than those typed in from a paper
 * statement. The file is read as a stream; every bad row is named with its column and reason, and one bad row
 * refuses the whole file (nothing is recorded). A credit already on record (the project's transaction id from the
 * bank) is not recorded twice: the same statement sent again changes nothing.
 *
 * <p>Who may send it: as for the disbursements ({@link DisbursementImport#mayImport}), a bank's officer for the projects
 * whose special account is bound to its bank now, others within their data scope.
 */
@Service
public class StatementImport {

    public static final Column PROJECT = Column.required("project_code", "项目编号");
    public static final Column ENTRY = Column.required("entry_type", "记账类型");
    public static final Column VALUE_DATE = Column.required("value_date", "交易日期");
    public static final Column AMOUNT = Column.required("amount", "金额");
    public static final Column TRANSACTION = Column.optional("transaction_id", "交易流水号");
    public static final Column MONTH = Column.optional("month", "所属月份");
    public static final Column PAYER = Column.optional("payer_name", "付款人");
    public static final List<Column> COLUMNS = List.of(PROJECT, ENTRY, VALUE_DATE, AMOUNT, TRANSACTION, MONTH, PAYER);

    /** The entry types and their Chinese aliases. */
    private static final Map<String, String> ENTRIES = Map.of("CREDIT", "CREDIT", "BALANCE", "BALANCE",
            "人工费用拨付", "CREDIT", "拨入", "CREDIT", "余额", "BALANCE");

    private final Projects projects;
    private final DisbursementImport disbursements;
    private final LaborCostTransfers transfers;
    private final ImportPipeline pipeline;
    private final OperationLog operationLog;
    private final Clock clock;

    StatementImport(Projects projects, DisbursementImport disbursements, LaborCostTransfers transfers,
            ImportPipeline pipeline, OperationLog operationLog, Clock clock) {
        this.projects = projects;
        this.disbursements = disbursements;
        this.transfers = transfers;
        this.pipeline = pipeline;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /**
     * Reads and, when every row is good, records the statement.
     *
     * @param goodRowsOnly ignored: a statement is all or nothing (a balance without its credits would mislead rule 7)
     */
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
            ImportProgress progress) {
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = new ArrayList<>();
        List<LaborCostTransfers.Credit> credits = new ArrayList<>();
        List<LaborCostTransfers.Balance> balances = new ArrayList<>();
        Map<String, Long> creditRows = new HashMap<>();
        Map<String, Long> balanceRows = new HashMap<>();
        Set<Long> refused = new HashSet<>();
        String refusal = disbursements.refusal(officer, "payroll.statement");
        ProjectCodes codes = new ProjectCodes(projects, p -> {
            boolean may = disbursements.mayImport(officer, p);
            if (!may && refused.add(p.id())) {
                operationLog.recordOutcome("STATEMENT_IMPORT", "project", p.id(), "拒绝：" + p.code() + " " + refusal,
                        OperationLog.Result.DENIED);
            }
            return may;
        }, refusal);
        ImportPipeline.Streamed file = pipeline.stream("statement", fileName, in, COLUMNS, row -> {
            progress.read(row.number());
            int before = problems.size();
            boolean complete = ImportValues.required(row, List.of(PROJECT, ENTRY, VALUE_DATE, AMOUNT), problems);
            ProjectSummary project = codes.resolve(row, PROJECT, problems);
            String entry = row.get(ENTRY) == null ? null : ENTRIES.get(row.get(ENTRY).trim().toUpperCase(Locale.ROOT));
            if (row.get(ENTRY) != null && entry == null) {
                problems.add(Problem.of(row, ENTRY, "记账类型应为 CREDIT（人工费用拨付）或 BALANCE（余额）"));
            }
            LocalDate day = ImportValues.date(row, VALUE_DATE, problems);
            if (day != null && day.isAfter(today)) {
                problems.add(Problem.of(row, VALUE_DATE, "交易日期晚于今天"));
            }
            BigDecimal amount = ImportValues.money(row, AMOUNT, problems);
            YearMonth month = ImportValues.month(row, MONTH, problems);
            String transaction = ImportValues.text(row, TRANSACTION, 64, problems);
            String payer = ImportValues.text(row, PAYER, 200, problems);
            if ("CREDIT".equals(entry)) {
                if (transaction == null && row.get(TRANSACTION) == null) {
                    problems.add(Problem.of(row, TRANSACTION, "人工费用拨付须填写交易流水号"));
                }
                if (amount != null && amount.signum() == 0) {
                    problems.add(Problem.of(row, AMOUNT, "拨付金额应大于零"));
                }
            }
            if (problems.size() > before || !complete || project == null || entry == null || day == null || amount == null) {
                return;
            }
            if (entry.equals("CREDIT")) {
                Long first = creditRows.putIfAbsent(project.id() + "/" + transaction, row.number());
                if (first != null) {
                    problems.add(Problem.of(row, TRANSACTION, "交易流水号与第 " + first + " 行重复（同一项目内不得重复）"));
                    return;
                }
                credits.add(new LaborCostTransfers.Credit(project.id(), month == null ? YearMonth.from(day) : month, day,
                        amount, transaction, payer));
            } else {
                Long first = balanceRows.putIfAbsent(project.id() + "/" + day, row.number());
                if (first != null) {
                    problems.add(Problem.of(row, VALUE_DATE, "同一项目同一日的余额与第 " + first + " 行重复"));
                    return;
                }
                balances.add(new LaborCostTransfers.Balance(project.id(), day, amount));
            }
        });
        if (!problems.isEmpty()) {
            operationLog.recordOutcome("STATEMENT_IMPORT", "project", null, "专用账户对账单 " + fileName + " 被拒绝："
                    + problems.size() + " 处问题，未导入任何记录", OperationLog.Result.FAILURE);
            return ImportOutcome.refused(problems);
        }
        progress.phase(ImportProgress.Phase.APPLYING);
        LaborCostTransfers.Fed fed = pipeline.inTransaction(() -> transfers.recordFed(credits, balances, officer.username()));
        operationLog.record("STATEMENT_IMPORT", "project", null, "专用账户对账单 " + fileName + "：" + file.rows() + " 行，新登记人工费用拨付 "
                + fed.recorded() + " 笔，已有 " + fed.alreadyRecorded() + " 笔，余额 " + fed.balances() + " 条（银行报送）");
        progress.applied(file.rows());
        return new ImportOutcome((int) file.rows(), fed.recorded() + fed.balances(), 0, fed.alreadyRecorded(), List.of(), true);
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-004", "CREDIT", "2026-11-08", "300000.00", "ABC202611080001", "2026-11", "沅江市城市建设投资开发有限公司"),
                List.of("YJ-2021-004", "BALANCE", "2026-11-30", "126400.00", "", "", ""));
    }
}
