package org.wageguard.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

/** Officers read names where the records keep codes, and their home page lists what waits for them (issue 18). */
@DemoApplicationTest
class NamesNotCodesTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(logins.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void anAssignmentToTheHousingBureauWaitsOnItsOfficersHomePageWithItsCount() throws Exception {
        long departmentId = jdbc.sql("SELECT department_id FROM officer WHERE username = 'zhujian'").query(Long.class).single();
        long open = jdbc.sql("SELECT count(*) FROM case_assignment WHERE department_id = :d AND status IN ('OPEN','REWORK')")
                .param("d", departmentId).query(Long.class).single();
        String home = page("/", "zhujian");
        assertThat(home).contains("id=\"waiting\"").contains("交办给本部门、待反馈");
        Matcher m = Pattern.compile("交办给本部门、待反馈</a>\\s*<span[^>]*>(\\d+)</span>").matcher(home);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(open);
        assertThat(page("/", "jiancha")).contains("待我办理的案件").contains("待处置的预警");
        assertThat(page("/", "wangge")).contains("网格内逾期未核实的用人单位");
    }

    @Test
    void aCaseTimelineNamesTheOfficerNotTheirUsername() throws Exception {
        record Step(long caseId, String username, String name) {
        }
        Step step = jdbc.sql("""
                SELECT e.case_id, o.username, o.display_name FROM case_event e JOIN officer o ON o.username = e.by_username
                 WHERE o.username = 'jiancha' LIMIT 1
                """).query((rs, n) -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        String casePage = page("/cases/" + step.caseId(), "jiancha");
        String timeline = casePage.substring(casePage.indexOf("id=\"timeline\""));
        timeline = timeline.substring(0, timeline.indexOf("</table>"));
        assertThat(timeline).contains(">" + step.name() + "<").doesNotContain(">" + step.username() + "<");
    }

    @Test
    void namesForCodes() {
        assertThat(names.region("430000")).isEqualTo("湖南省");
        assertThat(names.officer("system")).isEqualTo("系统自动");
        assertThat(names.officer("jiancha")).isNotEqualTo("jiancha").isNotBlank();
    }

    @Autowired DisplayNames names;

    @Test
    void reconciliationFindingsShowRuleNamesNotCodes() throws Exception {
        List<Long> projects = jdbc.sql("SELECT DISTINCT project_id FROM reconciliation_finding").query(Long.class).list();
        assertThat(projects).isNotEmpty();
        for (long project : projects) {
            String findings = page("/payroll/projects/" + project, "jiancha");
            assertThat(findings).doesNotContainPattern(">\\s*[A-Z]+(_[A-Z]+)+\\s*<");
        }
    }
}
