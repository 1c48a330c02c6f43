package org.wageguard.monitoring;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.Projects;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.RealNameImports;
import org.wageguard.workforce.TestIds;

/**
 * A project of its own for one test, with its four files written row by row and sent through the same imports as a
 * wage officer's and a bank's files — so every rule reads facts the way production stores them.
 */
final class Scenario {

    static final OfficerPrincipal SYSTEM = new OfficerPrincipal(0, "system", "测试", "", true, false, false, "430981",
            null, null, "测试", Set.of(), Set.of(), new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0));

    record Beans(JdbcClient jdbc, Projects projects, RealNameImports realName, PayrollImport payroll,
            DisbursementImport disbursements) {
    }

    final String code;
    final long projectId;
    private final Beans beans;
    private final StringBuilder roster = new StringBuilder("项目编号,身份证号,姓名,工资卡号,是否签订劳动合同,进场日期,退场日期\n");
    private final StringBuilder attendance = new StringBuilder("项目编号,身份证号,日期,工时\n");
    private final StringBuilder payroll = new StringBuilder("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,实发工资,发放日期\n");
    private final StringBuilder bank = new StringBuilder("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n");
    private int rows;
    private int tx;
    private OfficerPrincipal sender = SYSTEM;

    /** Sends the files as another officer (one whose scope covers a project outside the city). */
    Scenario as(OfficerPrincipal officer) {
        this.sender = officer;
        return this;
    }

    Scenario(Beans beans, String code, LocalDate contractDate) {
        this.beans = beans;
        this.code = code;
        long owner = id(beans.jdbc(), "SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'");
        long contractor = id(beans.jdbc(), "SELECT id FROM employer WHERE name = '湖南华盛建设工程有限公司'");
        long housing = id(beans.jdbc(), "SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'");
        this.projectId = beans.projects().register(new ProjectDraft(code, "预警测试项目" + code, "430981", housing, owner,
                contractor, null, null, null, true, new BigDecimal("10000000"), null, contractDate, contractDate, null,
                ProjectStatus.UNDER_CONSTRUCTION));
    }

    static final DataScope CITY = new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0);

    /** The unresolved alert of a rule about a project (or one of its workers) for a period, as the city sees it. */
    static java.util.Optional<Alerts.Alert> active(Alerts alerts, RuleCode rule, long projectId, String period) {
        return alerts.all(CITY, new Alerts.Filter(null, rule, null, null, null, projectId, null)).stream()
                .filter(a -> a.period().equals(period) && a.status().unresolved()).findFirst();
    }

    /** The files of a project registered elsewhere (another region than the city's own, say) under its code. */
    Scenario(Beans beans, String code, long projectId) {
        this.beans = beans;
        this.code = code;
        this.projectId = projectId;
    }

    private static long id(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A computed valid ID number: series keeps tests apart, n the worker. */
    static String idNumber(int series, int n) {
        return TestIds.valid(String.format("430981%04d0101%03d", 1940 + series, n));
    }

    static String card(int series, int n) {
        return String.format("62284800%03d%08d", series, n);
    }

    Scenario worker(String id, String name, String card, boolean contract, String entry, String exit) {
        roster.append(String.join(",", code, id, name, card, contract ? "Y" : "N", entry, exit == null ? "" : exit))
                .append('\n');
        return this;
    }

    /** Present on the first {@code days} days of the month, {@code hours} a day. */
    Scenario attend(String id, YearMonth m, int days, String hours) {
        for (int d = 1; d <= days; d++) {
            attendance.append(String.join(",", code, id, m.atDay(d).toString(), hours)).append('\n');
            rows++;
        }
        return this;
    }

    Scenario attendOn(String id, LocalDate day) {
        attendance.append(String.join(",", code, id, day.toString(), "8")).append('\n');
        rows++;
        return this;
    }

    Scenario pay(String id, String name, YearMonth m, int days, String net) {
        payroll.append(String.join(",", code, m.toString(), id, name, String.valueOf(days), net, net,
                m.plusMonths(1).atDay(10).toString())).append('\n');
        return this;
    }

    /** A pay-sheet line whose wage due (应发) differs from the net paid out (实发) by the deductions. */
    Scenario payDue(String id, String name, YearMonth m, int days, String gross, String net) {
        payroll.append(String.join(",", code, m.toString(), id, name, String.valueOf(days), gross, net,
                m.plusMonths(1).atDay(10).toString())).append('\n');
        return this;
    }

    Scenario paid(String id, String name, String card, YearMonth m, String amount) {
        bank.append(String.join(",", code, code + "-T" + (++tx), card, name, id, amount,
                m.plusMonths(1).atDay(10).toString(), "SUCCESS", m.toString())).append('\n');
        return this;
    }

    Scenario send() {
        check(beans.realName().roster("roster.csv", csv(roster), false, sender));
        if (rows > 0) {
            check(beans.realName().attendance("attendance.csv", csv(attendance), false, sender));
        }
        if (payroll.indexOf("\n") < payroll.length() - 1) {
            check(beans.payroll().importFile("payroll.csv", csv(payroll), false, sender));
        }
        if (bank.indexOf("\n") < bank.length() - 1) {
            check(beans.disbursements().importFile("bank.csv", csv(bank), false, sender));
        }
        return this;
    }

    /** Sends a corrected bank file for the month (it replaces the month's earlier one). */
    Scenario resendBank(String csvRows) {
        check(beans.disbursements().importFile("bank2.csv", csv(new StringBuilder(
                "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n" + csvRows)), false, sender));
        return this;
    }

    private static void check(ImportOutcome outcome) {
        if (!outcome.applied()) {
            throw new IllegalStateException("import refused: " + outcome);
        }
    }

    private static ByteArrayInputStream csv(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
