package org.wageguard.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wageguard.workforce.RosterSite.SYSTEM;
import static org.wageguard.workforce.RosterSite.applied;
import static org.wageguard.workforce.RosterSite.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.employer.Employers;
import org.wageguard.employer.TestEmployers;
import org.wageguard.identity.Logins;
import org.wageguard.payroll.internal.DisbursementImport;
import org.wageguard.payroll.internal.PayrollImport;
import org.wageguard.project.ComplianceFacts;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ComplianceStatus;
import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.Projects;

/**
 * Issue 16, "compliance is typed in where it should be derived": 实名制管理 from the roster and attendance the system
 * keeps (Decree 724 Art. 28), 银行代发 from wages arriving through the special account month by month, counting the
 * general contractor's payments for a subcontractor only with its authorisation (Art. 31), and every item derived
 * again by the event of the data that changed — an import, an arrears record — never by an unrelated save.
 */
@DemoApplicationTest
class DerivedComplianceTests {

    static final YearMonth LAST_MONTH = YearMonth.now().minusMonths(1);

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired RealNameImports realName;
    @Autowired PayrollImport payroll;
    @Autowired DisbursementImport disbursements;
    @Autowired ComplianceItems compliance;
    @Autowired ProjectParties parties;
    @Autowired Employers employers;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired org.wageguard.payroll.Reconciliations reconciliations;

    RosterSite site() {
        RosterSite site = new RosterSite(jdbc, projects, realName, payroll, disbursements);
        jdbc.sql("UPDATE project SET wage_officer_name = '陈小兵' WHERE id = :p").param("p", site.projectId).update();
        return site;
    }

    ComplianceItems.Item item(RosterSite site, ComplianceKind kind) {
        return compliance.item(site.projectId, kind).orElseThrow();
    }

    /** The workers on the roster from the month before last, employed by {@code employer} (null: none named). */
    List<RosterSite.Worker> roster(RosterSite site, String employer, String... names) {
        StringBuilder roster = new StringBuilder("项目编号,身份证号,姓名,工资卡号,班组,用工单位信用代码,是否签订劳动合同,进场日期,退场日期\n");
        List<RosterSite.Worker> workers = new java.util.ArrayList<>();
        for (String name : names) {
            RosterSite.Worker w = site.worker(workers.size() + 1, name);
            workers.add(w);
            roster.append(String.join(",", site.code, w.id(), w.name(), w.card(), "钢筋班",
                    employer == null ? "" : employer, "Y", LAST_MONTH.minusMonths(1).atDay(1).toString(), "")).append('\n');
        }
        applied(realName.roster("花名册.csv", csv(roster.toString()), false, SYSTEM));
        return workers;
    }

    /** Attendance of every day of last month for these workers (the same slice again replaces it). */
    void attendedEveryDay(RosterSite site, List<RosterSite.Worker> workers) {
        StringBuilder attendance = new StringBuilder("项目编号,身份证号,日期,工时\n");
        for (RosterSite.Worker w : workers) {
            for (int d = 1; d <= LAST_MONTH.lengthOfMonth(); d++) {
                attendance.append(String.join(",", site.code, w.id(), LAST_MONTH.atDay(d).toString(), "8")).append('\n');
            }
        }
        applied(realName.attendance("考勤.csv", csv(attendance.toString()), false, SYSTEM));
    }

    /** The bank's disbursements of last month's wages to these workers (the month's slice is replaced). */
    void paid(RosterSite site, List<RosterSite.Worker> workers) {
        StringBuilder bank = new StringBuilder("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n");
        int tx = 0;
        for (RosterSite.Worker w : workers) {
            bank.append(String.join(",", site.code, site.code + "-" + LAST_MONTH + "-" + (++tx), w.card(), w.name(), w.id(),
                    "6000", LAST_MONTH.plusMonths(1).atDay(1).toString(), "SUCCESS", LAST_MONTH.toString())).append('\n');
        }
        applied(disbursements.importFile("代发流水.csv", csv(bank.toString()), false, SYSTEM));
    }

    void bankAgreement(RosterSite site) {
        var item = item(site, ComplianceKind.BANK_PAYROLL);
        compliance.record(site.projectId, ComplianceKind.BANK_PAYROLL, item.version(), new ComplianceFacts(false,
                LocalDate.of(2026, 7, 10), null, null, null, "中国农业银行沅江市支行", null, false, null, null, null, null));
    }

    @Test
    void decree724Article28_realNameManagementFollowsTheRosterAndAttendanceImportedNotATickedBox() {
        RosterSite site = site();
        var ticked = item(site, ComplianceKind.REAL_NAME);
        compliance.record(site.projectId, ComplianceKind.REAL_NAME, ticked.version(), new ComplianceFacts(false, null,
                null, null, null, null, null, true, null, null, null, null));
        var none = item(site, ComplianceKind.REAL_NAME);
        assertThat(none.status()).as("a ticked box, no roster in the system").isEqualTo(ComplianceStatus.MISSING);
        assertThat(none.reason()).contains("系统中没有该项目的实名制花名册").contains("第二十八条");

        List<RosterSite.Worker> three = roster(site, null, "赵铁柱", "黄海波", "周小勇");
        attendedEveryDay(site, three.subList(0, 2));
        var partial = item(site, ComplianceKind.REAL_NAME);
        assertThat(partial.status()).as("derived again by the import itself").isEqualTo(ComplianceStatus.MISSING);
        assertThat(partial.reason()).contains(LAST_MONTH.getYear() + "年" + LAST_MONTH.getMonthValue() + "月在册 3 人、有考勤 2 人（覆盖率 66.7%）")
                .contains("未达到");

        attendedEveryDay(site, three);
        var kept = item(site, ComplianceKind.REAL_NAME);
        assertThat(kept.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(kept.reason()).contains("劳资专管员 陈小兵").contains("在册 3 人、有考勤 3 人（覆盖率 100.0%）")
                // working days on the holiday calendar (rule 9's measure), every one of them updated
                .containsPattern("考勤更新 (\\d+)/\\1 天（更新率 100.0%）")
                .contains("第二十八条");
    }

    @Test
    void decree724Article31_bankPayrollIsInPlaceOnlyWhenTheMonthsWagesArrivedForEveryWorkerWhoAttended() {
        RosterSite site = site();
        bankAgreement(site);
        List<RosterSite.Worker> three = roster(site, null, "吴金凤", "徐长林", "孙建华");
        attendedEveryDay(site, three);
        paid(site, three.subList(0, 2));
        var short_ = item(site, ComplianceKind.BANK_PAYROLL);
        assertThat(short_.status()).as("an agreement with the bank, but one worker got nothing").isEqualTo(ComplianceStatus.MISSING);
        assertThat(short_.flagged()).isTrue();
        assertThat(short_.reason()).contains(LAST_MONTH + " 有考勤 3 人、代发到账 2 人").contains("第三十一条");

        paid(site, three);
        var arrived = item(site, ComplianceKind.BANK_PAYROLL);
        assertThat(arrived.status()).as("derived again once the bank's file was imported").isEqualTo(ComplianceStatus.PRESENT);
        assertThat(arrived.reason()).contains("据专用账户代发流水").contains(LAST_MONTH + " 有考勤 3 人、代发到账 3 人");
    }

    @Test
    void decree724Article31_wagesTheGeneralContractorPaysForASubcontractorCountOnceItsAuthorisationIsRecorded() throws Exception {
        RosterSite site = site();
        bankAgreement(site);
        String code = TestEmployers.newCreditCode();
        long subcontractor = jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id)
                VALUES (:name, :code, '47', '430981', 'SUBCONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'))
                RETURNING id""").param("name", "沅江市委托代发测试劳务有限公司" + code.substring(10)).param("code", code)
                .query(Long.class).single();
        parties.addSubcontractor(site.projectId, subcontractor, "劳务分包");
        List<RosterSite.Worker> crew = roster(site, code, "彭德华", "曾国强");
        attendedEveryDay(site, crew);
        paid(site, crew);
        var unauthorised = item(site, ComplianceKind.BANK_PAYROLL);
        assertThat(unauthorised.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(unauthorised.reason()).contains("有考勤 2 人、代发到账 0 人").contains("未委托总承包单位代发");

        parties.authorisePayment(site.projectId, subcontractor, LAST_MONTH.atDay(1), "劳务分包工资委托代发协议 WT-07");
        var authorised = item(site, ComplianceKind.BANK_PAYROLL);
        assertThat(authorised.status()).isEqualTo(ComplianceStatus.PRESENT);
        assertThat(authorised.reason()).contains("有考勤 2 人、代发到账 2 人");
        mvc.perform(get("/projects/" + site.projectId + "/compliance/BANK_PAYROLL").with(logins.as("zhujian")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("劳务分包工资委托代发协议 WT-07")))
                .andExpect(content().string(containsString(LAST_MONTH.atDay(1).toString())))
                .andExpect(content().string(containsString("第三十一条")));
    }

    @Test
    void payrollSignedReceipt_aCashPartPaidAgainstTheWorkersSignedPayLineIsShownApartWhileTheFindingKeepsItsContract() throws Exception {
        RosterSite site = site();
        List<RosterSite.Worker> two = roster(site, null, "龚小明", "何建军");
        attendedEveryDay(site, two);
        StringBuilder sheet = new StringBuilder("项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,实发工资,发放日期,本人签字确认\n");
        String payDay = LAST_MONTH.plusMonths(1).atDay(1).toString();
        sheet.append(String.join(",", site.code, LAST_MONTH.toString(), two.get(0).id(), two.get(0).name(),
                String.valueOf(LAST_MONTH.lengthOfMonth()), "6000", "6000", payDay, "Y")).append('\n');
        sheet.append(String.join(",", site.code, LAST_MONTH.toString(), two.get(1).id(), two.get(1).name(),
                String.valueOf(LAST_MONTH.lengthOfMonth()), "6000", "6000", payDay, "N")).append('\n');
        applied(payroll.importFile("工资表.csv", csv(sheet.toString()), false, SYSTEM));
        StringBuilder bank = new StringBuilder("项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n");
        for (RosterSite.Worker w : two) {
            bank.append(String.join(",", site.code, site.code + "-" + w.name(), w.card(), w.name(), w.id(), "5000", payDay,
                    "SUCCESS", LAST_MONTH.toString())).append('\n');
        }
        applied(disbursements.importFile("代发流水.csv", csv(bank.toString()), false, SYSTEM));

        var underpaid = reconciliations.findings(site.projectId, LAST_MONTH).stream()
                .filter(f -> f.rule().name().equals("UNDERPAID")).toList();
        // The findings are an exact contract (UNDERPAID whether or not the line is signed); the page tells the signed
        // cash part apart so that the officer checking it knows the worker's signature is the receipt.
        assertThat(underpaid).extracting(f -> f.workerName()).containsExactlyInAnyOrder("龚小明", "何建军");
        mvc.perform(get("/payroll/projects/" + site.projectId).param("month", LAST_MONTH.toString()).with(logins.as("zongbao")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("龚小明：工资表实发 6,000.00 元，银行代发 5,000.00 元，其余 1,000.00 元凭本人签字的工资表以现金领取")));
    }

    @Test
    void rule65Article9_anArrearsRecordAContractorGetsFromACaseReratesItsProjectsDepositAtOnce() {
        String code = TestEmployers.newCreditCode();
        long contractor = jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    registered_on)
                VALUES (:name, :code, '47', '430981', 'GENERAL_CONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'), DATE '2015-01-01')
                RETURNING id""").param("name", "沅江市事件测试建工有限公司" + code.substring(10)).param("code", code)
                .query(Long.class).single();
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        LocalDate signed = LocalDate.now().minusMonths(1);
        String projectCode = "SJ-" + code.substring(10);
        long project = projects.register(new ProjectDraft(projectCode, "事件测试项目" + projectCode, "430981", housing, owner,
                contractor, null, null, null, false, new BigDecimal("800000"), null, signed, signed, null,
                ProjectStatus.UNDER_CONSTRUCTION));
        var exempt = compliance.item(project, ComplianceKind.WAGE_DEPOSIT).orElseThrow();
        assertThat(exempt.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);

        employers.recordConfirmedArrears(contractor, signed.minusMonths(6), new BigDecimal("50000.00"), 5, "沅人社监察〔2026〕1号",
                "案件认定拖欠工资");
        var after = compliance.item(project, ComplianceKind.WAGE_DEPOSIT).orElseThrow();
        assertThat(after.status()).as("derived again by the arrears record's event, no other item saved")
                .isEqualTo(ComplianceStatus.MISSING);
        assertThat(after.reason()).contains("未存储工资保证金").contains("应存储");
    }
}
