package org.wageguard.monitoring;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.casework.CaseFacts;
import org.wageguard.casework.WorkingDays;
import org.wageguard.employer.CreditListKind;
import org.wageguard.employer.Employers;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.Logins;
import org.wageguard.identity.Notifications;
import org.wageguard.identity.OperationLog;
import org.wageguard.monitoring.rules.RulePolicy;
import org.wageguard.payroll.WageFacts;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.Projects;
import org.wageguard.workforce.RealNameImports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What officers do with alerts and credit listings: escalation of the overdue, the two-officer dismissal of a red
 * alert, an alert turned into a case, the data scope of an industry officer, the Excel ledger, the audited parameter
 * change, the risk grade's factors, and the credit procedure's periods and terms on a fixed clock.
 */
@DemoApplicationTest
class AlertLifecycleTests {

    static final YearMonth SEP = YearMonth.of(2026, 9);

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired List<RulePolicy> policies;
    @Autowired Alerts alerts;
    @Autowired RuleSettings settings;
    @Autowired org.wageguard.shared.SpringFestivals festivals;
    @Autowired WageFacts wages;
    @Autowired WorkingDays workingDays;
    @Autowired Notifications notifications;
    @Autowired RiskGrades grades;
    @Autowired CaseFacts caseFacts;
    @Autowired Employers employers;
    @Autowired OperationLog operationLog;
    @Autowired org.wageguard.monitoring.CreditAmountStandards amountStandards;
    @Autowired MockMvc mvc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired RuleEvaluation evaluation;
    @Autowired org.wageguard.casework.CaseIntake intake;
    @Autowired Logins logins;

    RuleEvaluation on(LocalDate day) {
        return new RuleEvaluation(policies, alerts, settings, projects, wages, workingDays, jdbc, fixed(day), 3, festivals);
    }

    static Clock fixed(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(RuleScenarioTests.ZONE).toInstant(), RuleScenarioTests.ZONE);
    }

    DataScope scope(String user) {
        return logins.principal(user).scope();
    }

    /** A project whose two workers got nothing for September: a red rule-1 alert once evaluated after October. */
    Alerts.Alert redAlert(String code, int series, LocalDate day) {
        String a = Scenario.idNumber(series, 1);
        String b = Scenario.idNumber(series, 2);
        Scenario s = new Scenario(new Scenario.Beans(jdbc, projects, realName, payroll, disbursements), code,
                LocalDate.of(2026, 8, 1))
                .worker(a, "甲", Scenario.card(series, 1), true, "2026-08-01", null)
                .worker(b, "乙", Scenario.card(series, 2), true, "2026-08-01", null)
                .attend(a, SEP, 10, "8").attend(b, SEP, 10, "8").pay(a, "甲", SEP, 10, "3000").pay(b, "乙", SEP, 10, "3000")
                .send();
        on(day).evaluateProjectMonth(s.projectId, SEP);
        return alerts.all(RuleScenarioTests.CITY, new Alerts.Filter(null, RuleCode.R01, null, null, null, s.projectId, null))
                .stream().filter(x -> x.status().unresolved()).findFirst().orElseThrow();
    }

    Alerts.Alert reload(long id) {
        return alerts.find(RuleScenarioTests.CITY, id).orElseThrow();
    }

    @Test
    void anAlertLeftUnresolvedPastItsDeadlineIsEscalatedToTheLeadershipOfficeOnce() {
        LocalDate raised = LocalDate.of(2026, 11, 2);
        Alerts.Alert a = redAlert("MT-E1", 21, raised);
        on(a.dueOn()).evaluateAll();
        assertThat(reload(a.id()).escalatedOn()).as("not before the deadline has passed").isNull();

        LocalDate after = a.dueOn().plusDays(1);
        RuleEvaluation.Outcome o = on(after).evaluateAll();
        assertThat(o.escalated()).isGreaterThanOrEqualTo(1);
        assertThat(reload(a.id()).escalatedOn()).isEqualTo(after);
        long office = notifications.leadershipOffice("430981").orElseThrow();
        String link = "/monitoring/alerts/" + a.id();
        assertThat(notifications.of(office, false, 500)).filteredOn(n -> n.link().equals(link)).singleElement()
                .satisfies(n -> assertThat(n.title()).contains("红色预警逾期未化解", "MT-E1"));

        on(after.plusDays(1)).evaluateAll();
        assertThat(notifications.of(office, false, 500)).filteredOn(n -> n.link().equals(link)).hasSize(1);
    }

    @Test
    void aRedAlertIsDismissedOnlyWithASecondOfficersApprovalAndStaysDismissed() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        Alerts.Alert a = redAlert("MT-D1", 22, day);
        DataScope city = scope("jiancha");
        assertThat(alerts.dismiss(city, a.id(), a.version(), "经核实为管理人员", "jiancha")).isFalse();
        Alerts.Alert pending = reload(a.id());
        assertThat(pending.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(pending.awaitingApproval()).isTrue();
        assertThatThrownBy(() -> alerts.approveDismissal(city, a.id(), pending.version(), "jiancha"))
                .isInstanceOf(MonitoringRuleException.class).hasMessageContaining("另一名工作人员");
        alerts.approveDismissal(scope("zhiqianban"), a.id(), pending.version(), "zhiqianban");
        Alerts.Alert dismissed = reload(a.id());
        assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(dismissed.dismissalApprovedBy()).isEqualTo("zhiqianban");

        on(day).evaluateProjectMonth(a.projectId(), SEP);
        assertThat(reload(a.id()).status()).as("the same rule firing again does not undo a dismissal")
                .isEqualTo(AlertStatus.DISMISSED);
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'ALERT_DISMISS_APPROVE' AND target_id = :id")
                .param("id", String.valueOf(a.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aYellowAlertIsDismissedAtOnceWithItsReasonAndAResolutionNeedsItsFact() {
        Alerts.Alert yellow = alerts.all(RuleScenarioTests.CITY,
                new Alerts.Filter(Severity.YELLOW, null, null, null, AlertStatus.OPEN, null, null)).get(0);
        DataScope city = scope("jiancha");
        assertThatThrownBy(() -> alerts.resolve(city, yellow.id(), yellow.version(), " ", "jiancha"))
                .hasMessageContaining("化解依据");
        assertThat(alerts.dismiss(city, yellow.id(), yellow.version(), "项目已停工，无人员在场", "jiancha")).isTrue();
        assertThat(reload(yellow.id()).status()).isEqualTo(AlertStatus.DISMISSED);
        assertThatThrownBy(() -> alerts.acknowledge(city, yellow.id(), yellow.version(), "jiancha"))
                .isInstanceOf(org.wageguard.shared.StaleEditException.class).hasMessageContaining("已被其他人修改");
    }

    @Test
    void anAlertBecomesACaseInOneStepThroughCaseworksIntake() throws Exception {
        Alerts.Alert a = redAlert("MT-C1", 23, LocalDate.of(2026, 11, 2));
        mvc.perform(post("/monitoring/alerts/" + a.id() + "/case").param("version", String.valueOf(a.version()))
                .with(logins.as("zongbao")).with(csrf())).andExpect(status().isForbidden());
        String location = mvc.perform(post("/monitoring/alerts/" + a.id() + "/case").param("version", String.valueOf(a.version()))
                .with(logins.as("jiancha")).with(csrf())).andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long caseId = Long.parseLong(location.substring("/cases/".length()));
        assertThat(jdbc.sql("SELECT channel FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("ALERT");
        assertThat(jdbc.sql("SELECT description FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .contains("由预警转立", "专户未代发工资");
        Alerts.Alert after = reload(a.id());
        assertThat(after.caseId()).isEqualTo(caseId);
        assertThat(after.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    }

    @Test
    void anIndustryOfficerSeesOnlyTheAlertsOfItsDepartment() throws Exception {
        on(LocalDate.of(2026, 11, 2)).evaluateAll();
        long transport = jdbc.sql("SELECT id FROM department WHERE name = '沅江市交通运输局'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        List<Alerts.Alert> mine = alerts.all(scope("zhujian"), Alerts.Filter.none());
        assertThat(mine).isNotEmpty().allSatisfy(x -> assertThat(x.departmentId()).isEqualTo(housing));
        Alerts.Alert other = alerts.all(RuleScenarioTests.CITY,
                new Alerts.Filter(null, null, null, transport, null, null, null)).get(0);
        mvc.perform(get("/monitoring/alerts/" + other.id()).with(logins.as("zhujian"))).andExpect(status().isNotFound());
        mvc.perform(get("/monitoring/alerts/" + other.id()).with(logins.as("jiaotong"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(other.subjectName())));
        mvc.perform(post("/monitoring/alerts/" + other.id() + "/acknowledge").param("version", String.valueOf(other.version()))
                .with(logins.as("zhujian")).with(csrf())).andExpect(status().isNotFound());
        assertThat(reload(other.id()).status()).as("out of scope: nothing changed").isEqualTo(other.status());
        mvc.perform(get("/monitoring/alerts").with(logins.as("zongbao"))).andExpect(status().isForbidden());
    }

    @Test
    void theAlertLedgerIsAnExcelFileWithChineseColumnsAndEveryAlertInScope() throws Exception {
        on(LocalDate.of(2026, 11, 2)).evaluateAll();
        byte[] xlsx = mvc.perform(get("/monitoring/alerts.xlsx").param("severity", "RED").with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        int expected = alerts.all(scope("zhiqianban"), new Alerts.Filter(Severity.RED, null, null, null, null, null, null, true)).size();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("规则");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("预警原因");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected);
            for (int r = 1; r <= expected; r++) {
                assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("红色");
            }
        }
    }

    @Test
    void onlyTheLeadershipOfficeChangesParametersAndTheChangeIsAudited() throws Exception {
        try {
            mvc.perform(post("/monitoring/rules/R03").param("version", "-1").param("enabled", "true")
                    .param("p_monthlyMinimumWage", "1800").with(logins.as("jiancha")).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/monitoring/rules/R03").param("version", "-1").param("enabled", "true")
                    .param("p_graceMonths", "1").param("p_monthlyMinimumWage", "1800").param("p_daysPerMonth", "21.75")
                    .param("p_dueDays", "3").with(logins.as("zhiqianban")).with(csrf()))
                    .andExpect(redirectedUrlPattern("/monitoring/rules*"));
            assertThat(settings.snapshot().of(RuleCode.R03, "430981").decimal("monthlyMinimumWage")).isEqualByComparingTo("1800");
            assertThat(settings.snapshot().of(RuleCode.R03, "430981001").value("monthlyMinimumWage"))
                    .as("a street inherits its city's setting").isEqualTo("1800");
            assertThat(jdbc.sql("SELECT detail FROM operation_log WHERE action = 'MONITORING_RULE_SET' ORDER BY id DESC LIMIT 1")
                    .query(String.class).single()).contains("R03", "monthlyMinimumWage 1700→1800");
            mvc.perform(get("/monitoring/rules").with(logins.as("zhiqianban")))
                    .andExpect(content().string(containsString("本辖区设置")));
        } finally {
            jdbc.sql("DELETE FROM monitoring_rule_setting WHERE rule_code = 'R03'").update();
        }
    }

    @Test
    void aProjectWithARedAlertIsRedAndSaysWhy() throws Exception {
        Alerts.Alert a = redAlert("MT-G1", 24, LocalDate.of(2026, 11, 2));
        RiskGrades.Risk risk = grades.project(scope("zhiqianban"), a.projectId()).orElseThrow();
        assertThat(risk.grade()).isEqualTo(RiskGrades.Grade.RED);
        assertThat(risk.factors().get(0).text()).contains("红色预警", "专户未代发工资");
        mvc.perform(get("/monitoring/risk").with(logins.as("zhiqianban"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("预警测试项目MT-G1")));
        mvc.perform(get("/projects/" + a.projectId()).with(logins.as("zhiqianban")))
                .andExpect(content().string(containsString("/monitoring/alerts?projectId=" + a.projectId())));
        int ofProject = alerts.all(scope("zhiqianban"), new Alerts.Filter(null, null, null, null, null, a.projectId(), null)).size();
        mvc.perform(get("/monitoring/alerts").param("projectId", String.valueOf(a.projectId())).param("all", "true")
                .with(logins.as("zhiqianban"))).andExpect(content().string(containsString("共 " + ofProject + " 条")));
        byte[] xlsx = mvc.perform(get("/monitoring/risk.xlsx").with(logins.as("zhiqianban"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(1).getStringCellValue().equals("预警测试项目MT-G1")) {
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("红色");
                    assertThat(row.getCell(5).getStringCellValue()).contains("专户未代发工资");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    CreditProcedure credit(LocalDate day) {
        return new CreditProcedure(jdbc, fixed(day), caseFacts, employers, workingDays, operationLog, amountStandards);
    }

    @Test
    void aCreditListingFollowsTheProcedureAndItsTermsOnAFixedClock() {
        LocalDate today = LocalDate.now();
        long unordered = jdbc.sql("SELECT id FROM case_file WHERE status = 'REGISTERED' LIMIT 1").query(Long.class).single();
        CreditProcedure.Condition incident = new CreditProcedure.Condition(CreditProcedure.Ground.MASS_INCIDENT, null, null,
                null, today, "聚集讨薪");
        assertThatThrownBy(() -> credit(today).propose("4309", unordered, CreditListKind.KEY_ATTENTION, "无指令书", incident,
                List.of(), "jiancha")).hasMessageContaining("限期改正指令书逾期未履行");
        CreditProcedure.Proposal demo = credit(today).list("4309").stream()
                .filter(p -> p.kind() == CreditListKind.BLACKLIST && p.status() == CreditProcedure.Status.NOTIFIED)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> credit(today).propose("4309", demo.caseId(), CreditListKind.KEY_ATTENTION, "重复",
                incident, List.of(), "jiancha")).as("the demo's contractor is on the key-attention list until 2027")
                .hasMessageContaining("已在");
        assertThatThrownBy(() -> credit(today).propose("4309", demo.caseId(), CreditListKind.BLACKLIST, "重复",
                incident, List.of(), "jiancha")).hasMessageContaining("在办程序");
        assertThat(demo.objectionUntil()).isEqualTo(workingDays.plus(demo.notifiedOn(), 5));
        assertThatThrownBy(() -> credit(demo.objectionUntil()).decide("4309", demo.id(), demo.version(), true, null, "jiancha"))
                .hasMessageContaining("陈述申辩期");

        LocalDate decided = demo.objectionUntil().plusDays(30);
        credit(decided).decide("4309", demo.id(), demo.version(), true, "逾期未申辩", "jiancha");
        CreditProcedure.Proposal listed = credit(decided).find("4309", demo.id()).orElseThrow();
        long employer = demo.employerId();
        assertThat(listed.expiresOn()).isEqualTo(decided.plusYears(3));
        assertThat(employers.standing(employer, decided).blacklisted()).isTrue();
        assertThat(employers.standing(employer, decided.minusDays(1)).blacklisted()).isFalse();
        assertThat(employers.standing(employer, decided.plusYears(3).minusDays(1)).blacklisted()).isTrue();
        assertThat(employers.standing(employer, decided.plusYears(3)).blacklisted()).as("three years and off").isFalse();
        assertThat(listed.expired(decided.plusYears(3))).isTrue();
        assertThat(employers.listedPersons(listed.listingId())).extracting(Employers.ListedPerson::name)
                .containsExactly("刘华盛", "周德胜");
        credit(decided).publish("4309", demo.id(), listed.version(), "jiancha");

        LocalDate paidUp = decided.plusDays(5);
        credit(paidUp).recordPaidUp("4309", demo.id(), listed.version() + 1, paidUp, "jiancha");
        int version = listed.version() + 2;
        assertThatThrownBy(() -> credit(paidUp.plusMonths(6).minusDays(1)).removeEarly("4309", demo.id(), version,
                "承诺按时足额支付", "jiancha")).hasMessageContaining("满6个月");
        LocalDate removed = paidUp.plusMonths(6);
        assertThatThrownBy(() -> credit(removed).removeEarly("4309", demo.id(), version, " ", "jiancha"))
                .hasMessageContaining("信用修复承诺");
        credit(removed).removeEarly("4309", demo.id(), version, "承诺今后按时足额支付工资", "jiancha");
        assertThat(credit(removed).find("4309", demo.id()).orElseThrow().status()).isEqualTo(CreditProcedure.Status.REMOVED);
        assertThat(employers.standing(employer, removed).blacklisted()).isFalse();
        assertThat(employers.standing(employer, removed.minusDays(1)).blacklisted()).isTrue();
    }

    @Test
    void aBlacklistedContractorIsFlaggedOnItsProjectsAndCases() throws Exception {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '益阳路桥建设有限公司'").query(Long.class).single();
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-003'").query(Long.class).single();
        mvc.perform(get("/projects/" + project).with(logins.as("zhiqianban")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("contractor-blacklisted"))));
        LocalDate today = LocalDate.now(RuleScenarioTests.ZONE);
        long listing = employers.list(employer, CreditListKind.BLACKLIST, today, "测试决定", "测试", List.of());
        try {
            mvc.perform(get("/projects/" + project).with(logins.as("zhiqianban")))
                    .andExpect(content().string(containsString("id=\"contractor-blacklisted\"")));
            long caseId = intake.register(new org.wageguard.casework.Intake(org.wageguard.casework.Channel.HOTLINE,
                    org.wageguard.casework.CaseKind.REPORT, null, null, true, employer, "益阳路桥建设有限公司", project,
                    "430981", "48", null, null, "黑名单标识测试", List.of(), null, today, null, 1, null));
            mvc.perform(get("/cases/" + caseId).with(logins.as("jiancha")))
                    .andExpect(content().string(containsString("id=\"employer-blacklisted\"")));
        } finally {
            jdbc.sql("DELETE FROM employer_credit_listing WHERE id = :id").param("id", listing).update();
        }
    }

    @Test
    void theIndustryOfficerRecordsALaborCostTransferOnTheProjectPage() throws Exception {
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-005'").query(Long.class).single();
        mvc.perform(post("/projects/" + project + "/labor-transfers").param("month", "2026-10").param("transferredOn", "2026-10-09")
                .param("amount", "-5").with(logins.as("zhujian")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("error"));
        mvc.perform(post("/projects/" + project + "/labor-transfers").param("month", "2026/10").param("transferredOn", "2026-10-09")
                .param("amount", "5").with(logins.as("zhujian")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error",
                        containsString("2026-09")));
        mvc.perform(post("/projects/" + project + "/labor-transfers").param("month", "2026-10").param("transferredOn", "2026-10-09")
                .param("amount", "120,000.50").param("reference", "ABC-77").with(logins.as("zhujian")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flash"));
        assertThat(jdbc.sql("SELECT amount FROM labor_cost_transfer WHERE project_id = :p AND reference = 'ABC-77'")
                .param("p", project).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("120000.50");
        mvc.perform(get("/projects/" + project).with(logins.as("zhujian"))).andExpect(content().string(containsString("ABC-77")));
        mvc.perform(post("/projects/" + project + "/labor-transfers").param("month", "2026-10").param("transferredOn", "2026-10-09")
                .param("amount", "1").with(logins.as("jiaotong")).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void whileAnotherInstanceEvaluatesTheNightlyRunStandsAside() throws Exception {
        try (var other = dataSource.getConnection(); var st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(724027)");
            try {
                assertThat(on(LocalDate.of(2026, 11, 2)).evaluateAll().ran()).isFalse();
                assertThat(evaluation.evaluateAll().ran()).as("the application's own bean, in its transaction").isFalse();
            } finally {
                st.execute("SELECT pg_advisory_unlock(724027)");
            }
        }
        assertThat(on(LocalDate.of(2026, 11, 2)).evaluateAll().ran()).isTrue();
    }

    @Test
    void aThirdComplaintRaisesTheConcentrationAlertWhenItIsRegisteredNotTheNextNight() {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市水利建设投资有限公司'").query(Long.class).single();
        LocalDate today = LocalDate.now(RuleScenarioTests.ZONE);
        java.util.function.Supplier<List<Alerts.Alert>> open = () -> alerts.all(RuleScenarioTests.CITY,
                new Alerts.Filter(null, RuleCode.R11, null, null, null, null, employer, true));
        for (int i = 0; i < 3; i++) {
            assertThat(open.get()).as("after %d complaints", i).isEmpty();
            intake.register(new org.wageguard.casework.Intake(org.wageguard.casework.Channel.HOTLINE,
                    org.wageguard.casework.CaseKind.REPORT, null, null, true, employer, "沅江市水利建设投资有限公司", null,
                    "430981", "72", null, null, "泵站工程班组反映拖欠工资" + i, List.of(), null, today, null, 2, null));
        }
        assertThat(open.get()).singleElement().satisfies(a -> assertThat(a.reason()).contains("被投诉3件"));
    }

    @Test
    void theCreditProceduresAreAnExcelLedgerWithPersonsMasked() throws Exception {
        byte[] xlsx = mvc.perform(get("/monitoring/credit.xlsx").with(logins.as("zhiqianban"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        int expected = credit(LocalDate.now()).list("4309").size();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("用人单位");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected).isPositive();
            boolean demo = false;
            for (Row row : sheet) {
                demo |= row.getCell(0).getStringCellValue().equals("湖南华盛建设工程有限公司")
                        && row.getCell(5).getStringCellValue().contains("刘华盛（法定代表人）");
            }
            assertThat(demo).isTrue();
        }
        mvc.perform(get("/monitoring/credit.xlsx").with(logins.as("zhujian"))).andExpect(status().isForbidden());
    }
}
