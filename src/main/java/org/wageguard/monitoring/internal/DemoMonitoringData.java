package org.wageguard.monitoring.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wageguard.employer.CreditListKind;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.monitoring.Alerts;
import org.wageguard.monitoring.CreditProcedure;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleEvaluation;
import org.wageguard.project.LaborCostTransfers;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.Projects;

/**
 * The demo city evaluated: the owner of one demo project behind with its labor-cost transfers this autumn, every rule
 * run once over the demo data (which gives the alerts the demo's anomalies deserve), one alert acknowledged by the
 * labor inspection bureau, and a credit-list proposal on the case whose order to pay lapsed, notified and waiting for
 * the decision.
 */
@Component
@Profile("demo")
@Order(95)
class DemoMonitoringData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMonitoringData.class);

    private final JdbcClient jdbc;
    private final Projects projects;
    private final ProjectParties parties;
    private final LaborCostTransfers transfers;
    private final RuleEvaluation evaluation;
    private final Alerts alerts;
    private final CreditProcedure credit;
    private final Clock clock;

    DemoMonitoringData(JdbcClient jdbc, Projects projects, ProjectParties parties, LaborCostTransfers transfers,
            RuleEvaluation evaluation, Alerts alerts, CreditProcedure credit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.parties = parties;
        this.transfers = transfers;
        this.evaluation = evaluation;
        this.alerts = alerts;
        this.credit = credit;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM credit_proposal").query(Long.class).single() > 0) {
            return;
        }
        YearMonth current = YearMonth.now(clock);
        projects.findByCode("YJ-2021-004").ifPresent(p -> {
            for (int back = 3; back >= 1; back--) {
                YearMonth m = current.minusMonths(back);
                BigDecimal scheduled = new BigDecimal("180000.00");
                parties.schedule(p.id(), m, scheduled);
                BigDecimal paid = back == 2 ? new BigDecimal("60000.00") : scheduled;
                String reference = "ABC" + m.toString().replace("-", "") + "0001";
                if (back == 1) {
                    // The last month's transfer came through the bank's statement feed (银行报送); the earlier ones
                    // were typed in from the paper statements (手工录入).
                    transfers.recordFed(List.of(new LaborCostTransfers.Credit(p.id(), m, m.atDay(8), paid, reference,
                            "沅江市城市建设投资开发有限公司")), List.of(), "yinhang");
                } else {
                    transfers.record(p.id(), m, m.atDay(8), paid, reference);
                }
            }
        });
        RuleEvaluation.Outcome outcome = evaluation.evaluateAll();
        log.info("已载入演示数据：预警规则已运行一遍，新增预警 {} 条、更新 {} 条、化解 {} 条、督办 {} 条",
                outcome.created(), outcome.updated(), outcome.resolved(), outcome.escalated());
        DataScope city = new DataScope(DataScopeType.REGION, "430981", Set.of(), null, null, 0);
        alerts.all(city, new Alerts.Filter(null, RuleCode.R14, null, null, null, null, null)).stream().findFirst()
                .ifPresent(a -> alerts.acknowledge(city, a.id(), a.version(), "jiancha"));
        LocalDate today = LocalDate.now(clock);
        credit.eligibleCases("4309").stream().findFirst().ifPresent(c -> {
            long id = credit.propose("4309", c.caseId(), CreditListKind.BLACKLIST,
                    "限期改正指令书" + c.orderNumber() + "责令于" + c.deadline() + "前支付拖欠的农民工工资，逾期未履行，"
                            + "依据《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条提请列入",
                    new CreditProcedure.Condition(CreditProcedure.Ground.MASS_INCIDENT, null, null, null,
                            c.deadline().plusDays(1), "被拖欠工资的农民工在指令书期限届满后到项目部聚集讨薪，围堵项目部大门，经属地街道和公安到场处置"),
                    List.of(new CreditProcedure.Person("刘华盛", "LEGAL_REPRESENTATIVE", null),
                            new CreditProcedure.Person("周德胜", "LABOR_CONTRACTOR", null)),
                    "jiancha");
            credit.notifyParty("4309", id, 0, today.minusDays(9), "jiancha");
        });
    }
}
