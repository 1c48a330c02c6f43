package org.wageguard.workforce;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who sees which rosters: by permission (403) and by data scope (404, or simply not listed). */
@DemoApplicationTest
class WorkforceScopeTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    long projectId(String code) {
        return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
    }

    String hub(String user) throws Exception {
        return mvc.perform(get("/workforce/imports").with(logins.as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void theContractorSeesOnlyItsOwnCompanysProjects() throws Exception {
        String page = hub("zongbao");
        assertThat(page).contains("data-code=\"YJ-2021-001\"").contains("data-code=\"YJ-2021-004\"")
                .contains("data-code=\"YJ-2021-010\"").doesNotContain("data-code=\"YJ-2021-002\"")
                .doesNotContain("data-code=\"YJ-2021-003\"");
        mvc.perform(get("/workforce/projects/" + projectId("YJ-2021-002")).with(logins.as("zongbao")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workforce/projects/" + projectId("YJ-2021-004")).with(logins.as("zongbao")))
                .andExpect(status().isOk());
    }

    @Test
    void theTransportOfficerSeesOnlyTransportProjects() throws Exception {
        String page = hub("jiaotong");
        assertThat(page).contains("data-code=\"YJ-2021-003\"").contains("data-code=\"YJ-2021-011\"")
                .doesNotContain("data-code=\"YJ-2021-001\"").doesNotContain("data-code=\"YJ-2021-007\"");
        mvc.perform(get("/workforce/projects/" + projectId("YJ-2021-001")).with(logins.as("jiaotong")))
                .andExpect(status().isNotFound());
    }

    @Test
    void rolesWithoutThePermissionAreRefused() throws Exception {
        mvc.perform(get("/workforce/imports").with(logins.as("wangge"))).andExpect(status().isForbidden());
        mvc.perform(get("/workforce/projects/" + projectId("YJ-2021-001")).with(logins.as("yinhang")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/workforce/imports/roster")
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
                        .with(logins.as("zhiqianban")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheInspectorSeesAFullIdNumberAndTheViewIsLogged() throws Exception {
        String id = TestIds.valid("43098119660606777");
        String csv = "project_code,worker_id_number,worker_name,bank_card,contract_signed,entry_date\n"
                + "YJ-2021-007," + id + ",周铁牛,6228480010099990001,Y,2026-06-01\n";
        mvc.perform(multipart("/workforce/imports/roster")
                .file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(logins.as("jiancha")).with(csrf())).andExpect(status().is3xxRedirection());
        long worker = jdbc.sql("SELECT worker_id FROM employment WHERE worker_name = '周铁牛' AND current")
                .query(Long.class).single();
        String masked = mvc.perform(get("/workforce/workers/" + worker).with(logins.as("zhiqianban")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(masked).contains("430981********" + id.substring(14)).doesNotContain(id);
        mvc.perform(post("/workforce/workers/" + worker + "/reveal").with(logins.as("zhujian")).with(csrf()))
                .andExpect(status().isForbidden());
        long logged = jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW' AND target_type = 'worker'")
                .query(Long.class).single();
        String full = mvc.perform(post("/workforce/workers/" + worker + "/reveal").with(logins.as("jiancha")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(full).contains(id);
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW' AND target_type = 'worker'")
                .query(Long.class).single()).isEqualTo(logged + 1);
        // Out of the transport officer's scope: the worker does not exist for them.
        mvc.perform(get("/workforce/workers/" + worker).with(logins.as("jiaotong"))).andExpect(status().isNotFound());
    }
}
