package org.wageguard.inspection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, item 4: the system administrator, to whom the campaigns answer 404, read every rectification order (the
 * list, its Excel ledger and each notice). Orders now follow the campaigns' own rule, and the system administrator
 * holds no campaign permission at all.
 */
@DemoApplicationTest
class RectificationScopeTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;
    @Autowired Inspections inspections;
    @Autowired Campaigns campaigns;

    /** The writes on findings and orders resolve their record in the service: called for an outsider, nothing happens. */
    @Test
    void theServiceRefusesFindingAndOrderWritesOutsideTheOfficersView() {
        var admin = logins.principal("admin");
        Campaigns.Viewer outsider = campaigns.viewer(admin);
        record Row(long finding, long order, int version, String status) {
        }
        Row r = jdbc.sql("""
                SELECT f.id, o.id, o.version, o.status FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id
                 WHERE f.case_id IS NULL ORDER BY o.id LIMIT 1
                """).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4))).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inspections.toCase(r.finding(), outsider))
                .isInstanceOf(org.wageguard.identity.OutOfScopeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inspections.reinspect(r.order(), r.version(), true, "x",
                outsider, admin.scope())).isInstanceOf(org.wageguard.identity.OutOfScopeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inspections.escalate(r.order(), outsider, admin.scope()))
                .isInstanceOf(org.wageguard.identity.OutOfScopeException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_finding WHERE id = :f AND case_id IS NOT NULL")
                .param("f", r.finding()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM rectification_order WHERE id = :o").param("o", r.order())
                .query(String.class).single()).isEqualTo(r.status());
        // The campaign's lead passes the same gate.
        inspections.requireFinding(r.finding(), campaigns.viewer(logins.principal("zhiqianban")));
    }

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
        // The system administrator holds no business read at all (三员分立): the campaigns, the orders, their ledger and
        // their notices are refused to it outright, not shown empty.
        for (String path : new String[] {"/inspection/campaigns", "/inspection/campaigns/" + campaign,
                "/inspection/rectifications", "/inspection/rectifications.xlsx", "/inspection/inspections",
                "/inspection/rectifications/" + order.id() + "/notice.pdf"}) {
            mvc.perform(get(path).with(logins.as("admin"))).andExpect(status().isForbidden());
        }
        // It still keeps the checklist templates, which are system configuration.
        mvc.perform(get("/inspection/templates").with(logins.as("admin"))).andExpect(status().isOk());

        // The campaign's lead (the leadership office) and its member labor inspection still see the order.
        for (String user : new String[] {"zhiqianban", "jiancha"}) {
            assertThat(mvc.perform(get("/inspection/rectifications").with(logins.as(user))).andReturn().getResponse()
                    .getContentAsString()).as(user).contains(order.number());
        }
    }
}
