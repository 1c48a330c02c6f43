package org.wageguard.payroll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.monitoring.RuleEvaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pay slips and signed pay sheets (Decree 724 Art. 15, 30): the demo's ghost line on YJ-2021-001 in October 2026 is
 * recorded as not signed — a finding on the contractor's slip page and an orange early warning (R15); the contractor
 * prints the month's slips (the worker's own slip on the portal: {@code PaySlipPortalTests}).
 */
@DemoApplicationTest
class PaySlipTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired PaySlips slips;
    @Autowired RuleEvaluation evaluation;

    long project() {
        return jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-001'").query(Long.class).single();
    }

    @Test
    void anUnsignedLineIsAFindingOnTheSlipPageAndAnOrangeWarning() throws Exception {
        long p = project();
        long unsigned = jdbc.sql("SELECT count(*) FROM payroll_line WHERE project_id = :p AND month = '2026-10-01' AND current AND signed = FALSE")
                .param("p", p).query(Long.class).single();
        long lines = jdbc.sql("SELECT count(*) FROM payroll_line WHERE project_id = :p AND month = '2026-10-01' AND current")
                .param("p", p).query(Long.class).single();
        assertThat(unsigned).isPositive();
        assertThat(slips.unsignedSheets(OCTOBER, null)).singleElement().satisfies(s -> {
            assertThat(s.projectId()).isEqualTo(p);
            assertThat(s.unsigned()).isEqualTo(unsigned);
        });
        String page = mvc.perform(get("/payroll/projects/" + p + "/slips?month=2026-10").with(logins.as("zongbao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"unsigned-finding\"").contains("本月工资表有 " + unsigned + " 人（共 " + lines + " 人）未经本人签字确认")
                .contains("蒋某某").contains("第十五条");
        evaluation.evaluateProjectMonth(p, OCTOBER);
        String reason = jdbc.sql("""
                SELECT reason FROM alert WHERE rule_code = 'R15' AND subject_id = :p AND period = '2026-10' AND severity = 'ORANGE'
                """).param("p", p).query(String.class).single();
        assertThat(reason).isEqualTo("2026年10月工资表有" + unsigned + "人未经本人签字确认（共" + lines + "人）");
        // a month whose lines are all signed is no finding
        assertThat(slips.unsignedSheets(YearMonth.of(2026, 9), p)).isEmpty();
    }

    @Test
    void theContractorPrintsTheMonthsSlipsAndOnlyForItsOwnProjects() throws Exception {
        long p = project();
        byte[] pdf = mvc.perform(get("/payroll/projects/" + p + "/slips.pdf?month=2026-10").with(logins.as("zongbao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target", "documents"));
        Path in = Files.createTempFile(Path.of("target", "documents"), "slips", ".pdf");
        Path out = Files.createTempFile("slips", ".txt");
        Files.write(in, pdf);
        assertThat(new ProcessBuilder("pdftotext", "-enc", "UTF-8", in.toString(), out.toString()).inheritIO().start().waitFor()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8).replaceAll("\\s+", "");
        String first = jdbc.sql("SELECT worker_name FROM payroll_line WHERE project_id = :p AND month = '2026-10-01' AND current ORDER BY source_row LIMIT 1")
                .param("p", p).query(String.class).single();
        assertThat(text).contains("农民工工资清单（2026年10月）").contains("湖南沅江建工集团有限公司").contains(first)
                .contains("蒋某某").contains("6,600.00").contains("未签").contains("第十五条");
        long others = jdbc.sql("SELECT id FROM project WHERE contractor_code <> '91430981MA4L12340E' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        mvc.perform(get("/payroll/projects/" + others + "/slips.pdf?month=2026-10").with(logins.as("zongbao")))
                .andExpect(status().isNotFound());
    }
}
