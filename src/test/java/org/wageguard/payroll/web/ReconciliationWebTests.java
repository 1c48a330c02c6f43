package org.wageguard.payroll.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.payroll.ProjectMonthReconciled;
import org.wageguard.workforce.TestIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The four files of one project-month through the web (contractor and bank), reconciled by the engine on the
 * stored rows: findings by rule, the evidence of a finding, the export, the event, and who may see what.
 */
@DemoApplicationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationWebTests {

    static final String A = TestIds.valid("43098119800101011");
    static final String B = TestIds.valid("43098119810202022");
    static final String C = TestIds.invalid("43098119820303033");
    static final String D = TestIds.valid("43098119830404044");

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long project;

    ResultActions upload(String path, String csv, String user) throws Exception {
        return mvc.perform(multipart(path)
                .file(new MockMultipartFile("file", "f.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(logins.as(user)).with(csrf()));
    }

    @BeforeAll
    void importTheMonth() throws Exception {
        project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-004'").query(Long.class).single();
        upload("/workforce/imports/roster", "项目编号,身份证号,姓名,工资卡号,是否签订劳动合同,进场日期\n"
                + "YJ-2021-004," + A + ",甲工人,6228480010000000011,Y,2026-05-01\n"
                + "YJ-2021-004," + B + ",乙工人,6228480010000000022,Y,2026-05-01\n"
                + "YJ-2021-004," + C + ",丙工人,6228480010000000033,N,2026-05-01\n", "zongbao")
                .andExpect(flash().attribute("flash", containsString("写入 3 行")));
        upload("/workforce/imports/attendance", "项目编号,身份证号,日期\n"
                + "YJ-2021-004," + A + ",2026-06-01\nYJ-2021-004," + A + ",2026-06-02\nYJ-2021-004," + A + ",2026-06-03\n"
                + "YJ-2021-004," + B + ",2026-06-01\nYJ-2021-004," + B + ",2026-06-02\nYJ-2021-004," + C + ",2026-06-01\n",
                "zongbao").andExpect(flash().attribute("flash", containsString("写入 6 行")));
        upload("/payroll/imports/payroll", "项目编号,工资月份,身份证号,姓名,出勤天数,应发工资,实发工资,发放日期\n"
                + "YJ-2021-004,2026-06," + A + ",甲工人,3,900,900,2026-07-10\n"
                + "YJ-2021-004,2026-06," + B + ",乙工人,2,600,600.00,2026-07-10\n"
                + "YJ-2021-004,2026-06," + D + ",丁某,5,1500,1500,2026-07-10\n", "zongbao")
                .andExpect(flash().attribute("flash", containsString("写入 3 行")));
        upload("/payroll/imports/disbursements", "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n"
                + "YJ-2021-004,T-0601,6228480010000000011,甲工人," + A + ",900.00,2026-07-10,成功,2026-06\n"
                + "YJ-2021-004,T-0602,6228480010000000022,乙工人," + B + ",600.00,2026-07-10,失败,2026-06\n"
                + "YJ-2021-004,T-0603,6217999900001234567,某人,,100,2026-07-11,SUCCESS,2026-06\n", "yinhang")
                .andExpect(flash().attribute("flash", containsString("写入 3 行")));
    }

    @Test
    void theFindingsOfTheMonthAreTheEnginesFindingsOnTheStoredRows() throws Exception {
        var rules = jdbc.sql("""
                SELECT f.rule || ':' || COALESCE(w.name, '') FROM reconciliation_finding f LEFT JOIN worker w ON w.id = f.worker_id
                 WHERE f.project_id = :p AND f.month = '2026-06-01'""").param("p", project).query(String.class).list();
        assertThat(rules).contains("INVALID_ID_NUMBER:丙工人", "NO_CONTRACT:丙工人", "UNPAID:丙工人", "UNPAID:乙工人",
                "FAILED_NOT_REPAID:乙工人", "GHOST_PAYROLL:丁某", "NOT_ON_ROSTER:丁某", "UNMATCHED_PAYMENT:")
                .doesNotContain("UNPAID:甲工人", "DAYS_MISMATCH:甲工人");
        // Card numbers never stored in clear, even inside a finding's sentence.
        assertThat(jdbc.sql("SELECT count(*) FROM reconciliation_finding WHERE detail LIKE '%6217999900001234567%'")
                .query(Long.class).single()).isZero();
        String page = mvc.perform(get("/payroll/projects/" + project).param("month", "2026-06").with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("代发失败未补发").contains("工资表无考勤").contains("6217 **** **** 4567")
                .doesNotContain("6217999900001234567");
    }

    @Test
    void aFindingDrillsDownToItsAttendancePayrollLineAndBankTransactions() throws Exception {
        long finding = jdbc.sql("SELECT f.id FROM reconciliation_finding f JOIN worker w ON w.id = f.worker_id WHERE f.project_id = :p AND f.rule = 'FAILED_NOT_REPAID' AND w.name = '乙工人'")
                .param("p", project).query(Long.class).single();
        String page = mvc.perform(get("/payroll/projects/" + project + "/findings/" + finding).with(logins.as("jiancha")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2026-06-01").contains("2026-06-02").contains("T-0602").contains("失败")
                .contains("600.00").doesNotContain("T-0601");
        // June's: a month is reconciled against the roster in force then, so a payment of another test's month
        // before these workers entered (DataApiTests, 2025-11) is unmatched there too.
        long unmatched = jdbc.sql("SELECT id FROM reconciliation_finding WHERE project_id = :p AND rule = 'UNMATCHED_PAYMENT' AND month = DATE '2026-06-01'")
                .param("p", project).query(Long.class).single();
        mvc.perform(get("/payroll/projects/" + project + "/findings/" + unmatched).with(logins.as("zongbao")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(containsString("T-0603")));
    }

    @Test
    void theFindingsExportToExcel() throws Exception {
        byte[] xlsx = mvc.perform(get("/payroll/projects/" + project + "/findings.xlsx").param("month", "2026-06")
                .with(logins.as("zhiqianban"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("级别").contains("GHOST_PAYROLL").contains("红色").contains("YJ-2021-004");
        }
    }

    @Test
    void reimportingTheBanksFileChangesNothingAndACorrectedOneIsReconciledOnceForTheMonth(ApplicationEvents events)
            throws Exception {
        String corrected = "项目编号,交易流水号,收款卡号,收款人姓名,收款人身份证号,金额,交易日期,状态,工资所属月份\n"
                + "YJ-2021-004,T-0701,6228480010000000011,甲工人," + A + ",900.00,2026-08-10,SUCCESS,2026-07\n";
        upload("/payroll/imports/disbursements", corrected, "yinhang").andExpect(flash().attribute("flash", containsString("新报送 1 份")));
        upload("/payroll/imports/disbursements", corrected, "yinhang").andExpect(flash().attribute("flash", containsString("内容未变 1 份")));
        assertThat(events.stream(ProjectMonthReconciled.class)
                .filter(e -> e.projectId() == project && e.month().equals(YearMonth.of(2026, 7))).count()).isEqualTo(1);
        var event = events.stream(ProjectMonthReconciled.class).filter(e -> e.projectId() == project).findFirst().orElseThrow();
        assertThat(event.countsBySeverity()).containsKeys("red", "orange", "yellow");
    }

    @Test
    void aRepeatedTransactionIdAndABanksForeignProjectAreBadRows() throws Exception {
        upload("/payroll/imports/disbursements", "project_code,transaction_id,bank_card,payee_name,amount,value_date,status,month\n"
                + "YJ-2021-004,T-DUP,6228480010000000011,甲工人,1,2026-09-10,SUCCESS,2026-09\n"
                + "YJ-2021-004,T-DUP,6228480010000000022,乙工人,1,2026-09-10,SUCCESS,2026-09\n"
                + "YJ-2021-001,T-CCB,6228480010000000022,乙工人,1,2026-09-10,SUCCESS,2026-09\n"
                + "YJ-2021-004,T-BAD,6228480010000000022,乙工人,1.005,2026-09-10,PENDING,2026-13\n", "yinhang")
                .andExpect(flash().attribute("error", containsString("5 处错误")));
        assertThat(jdbc.sql("SELECT count(*) FROM disbursement WHERE transaction_id IN ('T-DUP', 'T-CCB', 'T-BAD')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void whoMaySeeTheFindings() throws Exception {
        mvc.perform(get("/payroll/projects/" + project).with(logins.as("jiaotong"))).andExpect(status().isNotFound());
        mvc.perform(get("/payroll/projects/" + project).with(logins.as("yinhang"))).andExpect(status().isForbidden());
        mvc.perform(get("/payroll/projects/" + project).with(logins.as("zongbao"))).andExpect(status().isOk());
        long ghost = jdbc.sql("SELECT id FROM worker WHERE name = '丁某'").query(Long.class).single();
        mvc.perform(get("/payroll/workers/" + ghost).with(logins.as("zongbao"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("工资表无考勤")));
        mvc.perform(get("/payroll/workers/" + ghost).with(logins.as("jiaotong"))).andExpect(status().isNotFound());
    }
}
