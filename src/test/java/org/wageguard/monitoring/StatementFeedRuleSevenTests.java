package org.wageguard.monitoring;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.WorkingDays;
import org.wageguard.identity.Logins;
import org.wageguard.monitoring.rules.RulePolicy;
import org.wageguard.payroll.WageFacts;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.payroll.internal.StatementImport;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.Projects;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.workforce.ImportOutcome;
import org.wageguard.workforce.RealNameImports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Early-warning rule 7 (《保障农民工工资支付条例》第二十四条: the owner transfers the labor cost into the special
 * account as the contract schedules) on the transfers and the balance the bank sends through its statement feed
 * (docs/formats.md, statements.csv), not only those an industry officer types in.
 */
@DemoApplicationTest
class StatementFeedRuleSevenTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final YearMonth SEP = YearMonth.of(2026, 9);
    static final String HEADER = "项目编号,记账类型,交易日期,金额,交易流水号,所属月份,付款人\n";

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired StatementImport statements;
    @Autowired List<RulePolicy> policies;
    @Autowired Alerts alerts;
    @Autowired RuleSettings settings;
    @Autowired WageFacts wages;
    @Autowired WorkingDays workingDays;
    @Autowired ProjectParties parties;
    @Autowired Logins logins;
    @Autowired org.wageguard.shared.SpringFestivals festivals;
    @Autowired org.wageguard.project.LaborCostTransfers transfers;

    RuleEvaluation on(LocalDate day) {
        return new RuleEvaluation(policies, alerts, settings, projects, wages, workingDays, jdbc,
                Clock.fixed(day.atStartOfDay(ZONE).toInstant(), ZONE), 3, festivals);
    }

    ImportOutcome feed(String rows) {
        return statements.importFile("statement.csv", new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)),
                false, logins.principal("jiancha"), ImportProgress.NONE);
    }

    @Test
    void rule7Article24LaborCostTheBankReportsShortOfTheScheduleIsOrangeAndClearsWhenTheBankReportsTheRest() {
        Scenario s = new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), "MT-R07-BANK",
                LocalDate.of(2026, 8, 1));
        parties.schedule(s.projectId, SEP, new BigDecimal("100000"));
        assertThat(feed("MT-R07-BANK,CREDIT,2026-09-08,60000,BK-R07-1,2026-09,沅江市城市建设投资开发有限公司\n").applied()).isTrue();
        // A transfer the bank did not send, typed in by the industry officer from a paper statement, counts as well.
        transfers.record(s.projectId, SEP, LocalDate.of(2026, 9, 20), new BigDecimal("10000"), "PAPER-1");
        assertThat(transfers.of(s.projectId)).extracting(t -> t.source().name()).containsExactly("BANK", "MANUAL");

        on(LocalDate.of(2026, 10, 11)).evaluateAll();
        Alerts.Alert alert = Scenario.active(alerts, RuleCode.R07, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.ORANGE);
        assertThat(alert.reason()).contains("计划拨付人工费用100000.00元，按期到账70000.00元");
        assertThat(alert.evidence().toString()).contains("70000.00（银行报送 60000.00，手工录入 10000.00）");

        // The rest arrives, the bank reports it: the alert clears.
        assertThat(feed("MT-R07-BANK,人工费用拨付,2026-10-05,30000,BK-R07-2,2026-09,\n").applied()).isTrue();
        on(LocalDate.of(2026, 10, 12)).evaluateAll();
        assertThat(Scenario.active(alerts, RuleCode.R07, s.projectId, "2026-09")).isEmpty();
    }

    @Test
    void rule7Article24TheBalanceTheBankReportsBelowTheMonthsPayrollIsYellowAndEnoughIsNot() {
        String worker = Scenario.idNumber(72, 1);
        Scenario s = new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), "MT-R07-BAL",
                LocalDate.of(2026, 8, 1)).worker(worker, "甲", Scenario.card(72, 1), true, "2026-08-01", null)
                .attend(worker, SEP, 10, "8").pay(worker, "甲", SEP, 10, "3000").send();
        // Fully transferred on time: in less paid out, the account would hold 100000; the bank says it holds 1200.
        parties.schedule(s.projectId, SEP, new BigDecimal("100000"));
        feed("MT-R07-BAL,CREDIT,2026-09-05,100000,BK-R07-3,,\nMT-R07-BAL,BALANCE,2026-09-30,1200,,,\n");
        on(LocalDate.of(2026, 10, 12)).evaluateProjectMonth(s.projectId, SEP);
        Alerts.Alert alert = Scenario.active(alerts, RuleCode.R07, s.projectId, "2026-09").orElseThrow();
        assertThat(alert.severity()).isEqualTo(Severity.YELLOW);
        assertThat(alert.reason()).contains("末专户余额1200.00元，低于当月工资3000.00元");

        // A corrected statement of the same day (the bank's balance replaced): no alert.
        feed("MT-R07-BAL,BALANCE,2026-09-30,96800,,,\n");
        on(LocalDate.of(2026, 10, 12)).evaluateProjectMonth(s.projectId, SEP);
        assertThat(Scenario.active(alerts, RuleCode.R07, s.projectId, "2026-09")).isEmpty();
    }
}
