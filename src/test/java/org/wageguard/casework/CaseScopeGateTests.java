package org.wageguard.casework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, item 4: the attacks on casework's data scope, each as it was performed. Every test runs in a
 * transaction rolled back at its end (MockMvc joins it), so the shared demo data stays as it was.
 */
@DemoApplicationTest
@Transactional
class CaseScopeGateTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    /** The open case of 住建局 (housing) on 锦绣华府 (YJ-2021-009), filed: outside the transport officer's scope. */
    long housingCase() {
        return jdbc.sql("""
                SELECT c.id FROM case_file c JOIN project p ON p.id = c.project_id WHERE p.code = 'YJ-2021-009' AND c.status = 'FILED'
                """).query(Long.class).single();
    }

    String number(long caseId) {
        return jdbc.sql("SELECT number FROM case_file WHERE id = :id").param("id", caseId).query(String.class).single();
    }

    MockHttpServletRequestBuilder intake(String username) {
        long employer = jdbc.sql("SELECT id FROM employer WHERE name = '湖南华盛建设工程有限公司'").query(Long.class).single();
        long project = jdbc.sql("SELECT id FROM project WHERE code = 'YJ-2021-009'").query(Long.class).single();
        return post("/cases/new").with(logins.as(username)).with(csrf()).param("channel", "WALK_IN")
                .param("kind", "COMPLAINT").param("complainantName", "范立平").param("employerId", String.valueOf(employer))
                .param("projectId", String.valueOf(project)).param("regionCode", "430981").param("periodFrom", "2026-09-01")
                .param("periodTo", "2026-10-31").param("claimants", "范立平，8000");
    }

    long cases() {
        return jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
    }

    @Test
    void intakeOffersAsSimilarOnlyTheCasesTheOfficerMaySee() throws Exception {
        String number = number(housingCase());
        // The housing officer is shown the open housing case as similar, and decides.
        String housing = mvc.perform(intake("zhujian")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(housing).contains("id=\"similar-cases\"").contains(number);
        // The transport officer registering a matter about the same project is not told of another department's case.
        String transport = mvc.perform(intake("jiaotong")).andReturn().getResponse().getContentAsString();
        assertThat(transport).doesNotContain("similar-cases").doesNotContain(number);
    }

    @Test
    void aMatterIsLinkedOnlyToACaseWithinTheOfficersScope() throws Exception {
        long target = housingCase();
        long before = cases();
        String page = mvc.perform(intake("jiaotong").param("linkTo", String.valueOf(target))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"link-error\"").contains("不在您的数据权限范围内");
        assertThat(cases()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE linked_case_id = :c").param("c", target)
                .query(Long.class).single()).isZero();
        // Within the scope the link is made, the matter is registered and not counted twice.
        mvc.perform(intake("zhujian").param("linkTo", String.valueOf(target))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM case_file WHERE linked_case_id = :c").param("c", target)
                .query(Long.class).single()).isEqualTo(1);
    }

    long logs(long caseId) {
        return jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :c AND action = 'LOG'").param("c", caseId)
                .query(Long.class).single();
    }

    @Test
    void onlyACaseHandlerWritesAHandlingRecordAndOnlyIntoAnOpenCase() throws Exception {
        long finished = jdbc.sql("""
                SELECT c.id FROM case_file c JOIN project p ON p.id = c.project_id
                 WHERE p.code = 'YJ-2021-004' AND c.status = 'TRACKING_ENDED' ORDER BY c.id LIMIT 1
                """).query(Long.class).single();
        // The leadership office reads cases but does not handle them: refused, nothing written.
        mvc.perform(post("/cases/" + finished + "/log").with(logins.as("zhiqianban")).with(csrf()).param("note", "补记一笔"))
                .andExpect(status().isForbidden());
        assertThat(logs(finished)).isZero();
        // Not even the labor inspector writes into a finished case.
        mvc.perform(post("/cases/" + finished + "/log").with(logins.as("jiancha")).with(csrf()).param("note", "补记一笔"))
                .andExpect(status().is3xxRedirection());
        assertThat(logs(finished)).isZero();
        // Into an open case the inspector's handling record is written.
        long open = housingCase();
        long before = logs(open);
        mvc.perform(post("/cases/" + open + "/log").with(logins.as("jiancha")).with(csrf()).param("note", "电话联系施工单位"))
                .andExpect(status().is3xxRedirection());
        assertThat(logs(open)).isEqualTo(before + 1);
    }
}
