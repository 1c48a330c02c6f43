package org.wageguard.workforce;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;
import org.wageguard.identity.SensitiveData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A wage-card number is masked on screen; its full view is for inspectors only, and each one is logged. */
@DemoApplicationTest
class WorkerRevealTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired SensitiveData sensitive;

    record Employment(long workerId, long projectId, String bankCardCipher, String bankCardMasked) {
    }

    @Test
    void anInspectorSeesTheFullCardOnceAskedAndTheViewIsLogged() throws Exception {
        Employment e = jdbc.sql("""
                SELECT worker_id, project_id, bank_card_cipher, bank_card_masked FROM employment WHERE current
                 ORDER BY id LIMIT 1
                """).query(Employment.class).single();
        String card = sensitive.decryptForProcessing(e.bankCardCipher());
        String page = mvc.perform(get("/workforce/workers/" + e.workerId()).with(logins.as("jiancha"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(e.bankCardMasked()).doesNotContain(card);

        long before = jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW'").query(Long.class).single();
        String revealed = mvc.perform(post("/workforce/workers/" + e.workerId() + "/projects/" + e.projectId() + "/reveal-card")
                .with(logins.as("jiancha")).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(revealed).contains(card);
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW' AND detail LIKE '%工资卡号%'")
                .query(Long.class).single()).isGreaterThan(0);
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SENSITIVE_VIEW'").query(Long.class).single())
                .isEqualTo(before + 1);

        // The contractor's wage officer sees masked numbers only.
        int status = mvc.perform(post("/workforce/workers/" + e.workerId() + "/projects/" + e.projectId() + "/reveal-card")
                .with(logins.as("zongbao")).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}
