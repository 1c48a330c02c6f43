package org.wageguard.workforce;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.Projects;

/**
 * A project of its own for a roster-history test, in the scope of the demo contractor's wage officer (zongbao), with
 * workers whose files go through the real imports: the roster, attendance, pay sheet and the bank's disbursements.
 */
final class RosterSite {

    static final OfficerPrincipal SYSTEM = new OfficerPrincipal(0, "system", "测试", "", true, false, false, "430981",
            null, null, "测试", Set.of(), Set.of(), new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0));
    static final String ROSTER_HEADER = "项目编号,身份证号,姓名,工资卡号,班组,是否签订劳动合同,进场日期,退场日期\n";
    private static final AtomicInteger SERIES = new AtomicInteger();

    record Worker(String id, String name, String card) {
    }

    final String code;
    final long projectId;
    private final int series;
    private final JdbcClient jdbc;
    private final RealNameImports realName;
    private final PayrollImport payroll;
    private final DisbursementImport disbursements;

    RosterSite(JdbcClient jdbc, Projects projects, RealNameImports realName, PayrollImport payroll,
            DisbursementImport disbursements) {
        this.series = SERIES.incrementAndGet();
        this.code = "RH-2026-" + String.format("%03d", series);
        this.jdbc = jdbc;
        this.realName = realName;
        this.payroll = payroll;
        this.disbursements = disbursements;
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long contractor = jdbc.sql("SELECT id FROM employer WHERE credit_code = '91430981MA4L12340E'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        LocalDate contract = LocalDate.of(2026, 7, 1);
        this.projectId = projects.register(new ProjectDraft(code, "花名册历史测试项目" + code, "430981", housing, owner,
                contractor, null, null, null, false, new BigDecimal("5000000"), null, contract, contract, null,
                ProjectStatus.UNDER_CONSTRUCTION));
    }

    /** Worker {@code n} of this site: a valid computed ID number, a name and a card of their own. */
    Worker worker(int n, String name) {
        return new Worker(TestIds.valid(String.format("430981%04d0707%03d", 1950 + series % 40, n)), name,
                String.format("62284800%03d%08d", 500 + series % 500, n));
    }

    String rosterLine(Worker w, String team, String entry, String exit) {
        return String.join(",", code, w.id(), w.name(), w.card(), team, "Y", entry, exit == null ? "" : exit) + "\n";
    }

    /** The days a worker was on site in a month: the first {@code days} working days (not Sundays). */
    static List<LocalDate> days(YearMonth month, int days) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = month.atDay(1); out.size() < days; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    }

    /** A month of attendance, pay sheet and full payment on time for each worker, sent through the imports. */
    void month(YearMonth month, List<Worker> workers, int days) {
        StringBuilder attendance = new StringBuilder("项目编号,身份证号,日期,工时\n");
        StringBuilder sheet = new StringBuilder("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,实发工资,发放日期\n");
        StringBuilder bank = new StringBuilder("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n");
        LocalDate payDay = month.plusMonths(1).atDay(10);
        int tx = 0;
        for (Worker w : workers) {
            for (LocalDate d : days(month, days)) {
                attendance.append(String.join(",", code, w.id(), d.toString(), "8")).append('\n');
            }
            String wage = String.valueOf(days * 300);
            sheet.append(String.join(",", code, month.toString(), w.id(), w.name(), String.valueOf(days), wage, wage,
                    payDay.toString())).append('\n');
            bank.append(String.join(",", code, code + "-" + month + "-" + (++tx), w.card(), w.name(), w.id(), wage,
                    payDay.toString(), "SUCCESS", month.toString())).append('\n');
        }
        applied(realName.attendance("考勤.csv", csv(attendance.toString()), false, SYSTEM));
        applied(payroll.importFile("工资表.csv", csv(sheet.toString()), false, SYSTEM));
        applied(disbursements.importFile("代发流水.csv", csv(bank.toString()), false, SYSTEM));
    }

    static ImportOutcome applied(ImportOutcome outcome) {
        if (!outcome.applied()) {
            throw new IllegalStateException("import refused: " + outcome.problems());
        }
        return outcome;
    }

    static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    long count(String sql) {
        return jdbc.sql(sql).param("p", projectId).query(Long.class).single();
    }
}
