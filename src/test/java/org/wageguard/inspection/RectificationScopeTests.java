package org.wageguard.inspection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, item 4: the system administrator, to whom the campaigns answer 404, read every rectification order (the
 * list, its Excel ledger and each notice). Orders now follow the campaigns' own rule.
 */
@DemoApplicationTest
class RectificationScopeTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void theSystemAdministratorSeesNoRectificationOrderAsItSeesNoCampaign() throws Exception {
        long campaign = jdbc.sql("SELECT id FROM inspection_campaign ORDER BY id LIMIT 1").query(Long.class).single();
        record Order(long id, String number) {
        }
        Order order = jdbc.sql("""
                SELECT o.id, o.number FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                  JOIN inspection i ON i.id = f.inspection_id JOIN campaign_target t ON t.id = i.target_id
                 WHERE t.campaign_id = :c ORDER BY o.id LIMIT 1
                """).param("c", campaign).query((rs, n) -> new Order(rs.getLong(1), rs.getString(2))).single();
        mvc.perform(get("/inspection/campaigns/" + campaign).with(logins.as("admin"))).andExpect(status().isNotFound());

        String list = mvc.perform(get("/inspection/rectifications").with(logins.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(order.number()).doesNotContain("/inspection/rectifications/" + order.id());
        var ledger = LedgerSheets.downloaded(mvc.perform(get("/inspection/rectifications.xlsx").with(logins.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse());
        assertThat(ledger).hasSize(1);
        mvc.perform(get("/inspection/rectifications/" + order.id() + "/notice.pdf").with(logins.as("admin")))
                .andExpect(status().isNotFound());

        // The campaign's lead (the leadership office) and its member labor inspection still see the order.
        for (String user : new String[] {"zhiqianban", "jiancha"}) {
            assertThat(mvc.perform(get("/inspection/rectifications").with(logins.as(user))).andReturn().getResponse()
                    .getContentAsString()).as(user).contains(order.number());
        }
    }
}
