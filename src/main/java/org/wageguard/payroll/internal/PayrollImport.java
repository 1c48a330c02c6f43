package org.wageguard.payroll.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.Reconciliations;
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
import org.wageguard.workforce.SliceImport;
import org.wageguard.workforce.StagedWorkers;

/** payroll.csv (工资支付表): replaces, per project and month, that month's pay sheet; then reconciles the month. */
@Service
public class PayrollImport extends SliceImport<PayrollImport.Entry> {

    public static final Column PROJECT = Column.required("project_code", "项目编号");
    public static final Column MONTH = Column.required("month", "工资月份");
    public static final Column ID_NUMBER = Column.required("worker_id_number", "身份证号");
    public static final Column NAME = Column.required("worker_name", "姓名");
    public static final Column DAYS = Column.required("days_worked", "出勤天数");
    public static final Column GROSS = Column.required("gross_wage", "应发工资");
    public static final Column DEDUCTIONS = Column.optional("deductions", "扣款");
    public static final Column NET = Column.required("net_wage", "实发工资");
    public static final Column PAY_DATE = Column.required("pay_date", "发放日期");
    public static final Column SIGNED = Column.optional("signed", "本人签字确认");
    public static final List<Column> COLUMNS = List.of(PROJECT, MONTH, ID_NUMBER, NAME, DAYS, GROSS, DEDUCTIONS, NET,
            PAY_DATE, SIGNED);

    record Entry(long projectId, YearMonth month, long row, Checked<IdNumber> id, String name, int days,
            BigDecimal gross, BigDecimal deductions, BigDecimal net, LocalDate payDate, Boolean signed)
            implements SliceImport.Parsed {
        @Override
        public String canonical() {
            return SliceImport.canonical(id.value(), name, days, gross, deductions, net, payDate, signed);
        }
    }

    private final Projects projects;
    private final SensitiveData sensitive;
    private final Reconciliations reconciliations;
    private StagedWorkers staged;

    PayrollImport(DataImports dataImports, OperationLog operationLog, Projects projects, SensitiveData sensitive,
            JdbcClient jdbc, ImportPipeline pipeline, Reconciliations reconciliations) {
        super(dataImports, operationLog, pipeline, jdbc);
        this.projects = projects;
        this.sensitive = sensitive;
        this.reconciliations = reconciliations;
    }

    @Override
    protected ImportKind kind() {
        return ImportKind.PAYROLL;
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    @Override
    protected RowParser<Entry> parser(OfficerPrincipal officer) {
        staged = new StagedWorkers(sensitive);
        ProjectCodes codes = new ProjectCodes(projects,
                p -> officer.scope().covers(p.regionCode(), p.departmentId(), p.contractorCode(), null, null),
                "该项目不在您的管理范围内，不能为其报送数据");
        return (row, problems) -> {
            boolean complete = ImportValues.required(row, COLUMNS, problems);
            ProjectSummary project = codes.resolve(row, PROJECT, problems);
            YearMonth month = ImportValues.month(row, MONTH, problems);
            String name = ImportValues.text(row, NAME, 64, problems);
            Integer days = ImportValues.wholeNumber(row, DAYS, 9999, problems);
            BigDecimal gross = ImportValues.money(row, GROSS, problems);
            BigDecimal deductions = ImportValues.money(row, DEDUCTIONS, problems);
            BigDecimal net = ImportValues.money(row, NET, problems);
            LocalDate payDate = ImportValues.date(row, PAY_DATE, problems);
            Boolean signed = ImportValues.yesNo(row, SIGNED, problems);
            if (!complete || project == null || month == null || days == null || gross == null || net == null
                    || payDate == null) {
                return null;
            }
            return new Entry(project.id(), month, row.number(), IdNumber.parseLenient(row.get(ID_NUMBER)), name, days,
                    gross, deductions, net, payDate, signed);
        };
    }

    @Override
    protected String stagingColumns() {
        return "worker_name VARCHAR(64) NOT NULL, days_worked INT NOT NULL, gross NUMERIC(16, 2) NOT NULL, "
                + "deductions NUMERIC(16, 2), net NUMERIC(16, 2) NOT NULL, pay_date DATE NOT NULL, signed BOOLEAN, "
                + StagedWorkers.COLUMNS;
    }

    @Override
    protected Object[] stagingValues(Entry e) {
        Object[] w = staged.values(e.id());
        return new Object[] {e.name(), e.days(), e.gross(), e.deductions(), e.net(), e.payDate(), e.signed(), w[0], w[1],
                w[2], w[3], w[4]};
    }

    @Override
    protected String keyColumns() {
        return "id_hash";
    }

    @Override
    protected void beforeReduce(OfficerPrincipal officer) {
        StagedWorkers.register(jdbc, STAGE, "worker_name", officer.username());
    }

    @Override
    protected void supersede(long versionId) {
        jdbc.sql("UPDATE payroll_line SET current = FALSE WHERE source_import_id = :v").param("v", versionId).update();
    }

    @Override
    protected long write(OfficerPrincipal officer) {
        // A name on a pay sheet replaces the worker's earlier one (people correct their names): the later row's.
        StagedWorkers.rename(jdbc, """
                SELECT DISTINCT ON (r.id_hash) r.id_hash, r.worker_name AS name
                  FROM import_rows r JOIN import_slice s ON s.project_id = r.project_id AND s.month = r.month
                 ORDER BY r.id_hash, r.row_no DESC""", officer.username());
        return jdbc.sql("""
                INSERT INTO payroll_line (project_id, month, worker_id, worker_name, days_worked, gross, deductions,
                    net, pay_date, signed, source_import_id, source_row, created_by)
                SELECT r.project_id, r.month, w.id, r.worker_name, r.days_worked, r.gross, r.deductions, r.net,
                       r.pay_date, r.signed, s.version_id, r.row_no, :by
                  FROM import_rows r
                  JOIN import_slice s ON s.project_id = r.project_id AND s.month = r.month
                  JOIN published_worker w ON w.id_number_hash = r.id_hash
                """).param("by", officer.username()).update();
    }

    /** After the commit: the changed months of a project are reconciled together, in a transaction of their own. */
    @Override
    protected void changed(long projectId, Set<YearMonth> months) {
        reconciliations.reconcileMonths(projectId, months);
    }

    public static List<List<String>> exampleRows() {
        return List.of(List.of("YJ-2021-001", "2026-11", "430981199003154518", "张建国", "22", "6600.00", "0", "6600.00",
                "2026-12-15", "Y"));
    }
}
