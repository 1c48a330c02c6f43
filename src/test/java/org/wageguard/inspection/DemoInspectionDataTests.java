package org.wageguard.inspection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The seed's 2021 summer campaign and its follow-up round, as the demo loads them. */
@DemoApplicationTest
class DemoInspectionDataTests {

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    long campaign(String name) {
        return jdbc.sql("SELECT id FROM inspection_campaign WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void theSummerCampaignCoversTheSeventeenProjectsAndThreeEnterprisesWithAFollowUpRound() throws Exception {
        long summer = campaign("2021年治欠夏季专项行动");
        long followUp = campaign("2021年治欠夏季专项行动“回头看”");
        assertThat(jdbc.sql("SELECT count(*) FILTER (WHERE project_id IS NOT NULL) || '/' || count(*) FILTER (WHERE employer_id IS NOT NULL) FROM campaign_target WHERE campaign_id = :c")
                .param("c", summer).query(String.class).single()).isEqualTo("17/3");
        assertThat(jdbc.sql("SELECT count(DISTINCT i.target_id) FROM inspection i JOIN campaign_target t ON t.id = i.target_id WHERE t.campaign_id = :c")
                .param("c", summer).query(Integer.class).single()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT parent_id FROM inspection_campaign WHERE id = :c").param("c", followUp).query(Long.class).single())
                .isEqualTo(summer);
        record Orders(int open, int rectified, int escalated) {
        }
        Orders orders = jdbc.sql("""
                SELECT count(*) FILTER (WHERE o.status = 'OPEN') AS open, count(*) FILTER (WHERE o.status = 'RECTIFIED') AS rectified,
                       count(*) FILTER (WHERE o.status = 'ESCALATED') AS escalated
                  FROM rectification_order o JOIN inspection_finding f ON f.id = o.finding_id JOIN inspection i ON i.id = f.inspection_id
                  JOIN campaign_target t ON t.id = i.target_id WHERE t.campaign_id = :c
                """).param("c", summer).query(Orders.class).single();
        assertThat(orders.rectified()).as("enterprises and labor contracts put right").isEqualTo(4);
        assertThat(orders.open()).as("one-fund-three-systems gaps still open").isPositive();
        assertThat(orders.escalated()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_finding WHERE case_id IS NOT NULL AND inspection_id IN (SELECT i.id FROM inspection i JOIN campaign_target t ON t.id = i.target_id WHERE t.campaign_id IN (:a, :b))")
                .param("a", summer).param("b", followUp).query(Integer.class).single()).as("no case opened by the demo").isZero();
        // the project records the campaign answered by are unchanged in status
        assertThat(jdbc.sql("SELECT i.status FROM compliance_item i JOIN project p ON p.id = i.project_id WHERE p.code = 'YJ-2021-006' AND i.kind = 'PAYMENT_GUARANTEE'")
                .query(String.class).single()).isEqualTo("EXPIRED");
        // (real-name management and bank payroll are derived from the roster, attendance and disbursements, not from
        // what the campaign answered, so they are left out here)
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_item i JOIN project p ON p.id = i.project_id WHERE p.code IN ('YJ-2021-001','YJ-2021-007') AND i.kind NOT IN ('REAL_NAME','BANK_PAYROLL') AND i.status NOT IN ('PRESENT','NOT_APPLICABLE')")
                .query(Integer.class).single()).isZero();

        // an inspector's note says what was seen, once: no item's reason quotes an earlier inspection's quoted reason
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_item WHERE status_reason LIKE '%现场检查%现场检查%'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_item WHERE status_reason LIKE '%回头看仍未整改：现场抽查考勤记录%'")
                .query(Integer.class).single()).as("the follow-up's note on real-name gaps").isPositive();

        mvc.perform(get("/inspection/campaigns/" + summer).with(logins.as("zhujian"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("20/20")))
                .andExpect(content().string(containsString("沅江市信峰船舶制造有限公司")));
        mvc.perform(get("/inspection/campaigns").with(logins.as("jiancha")))
                .andExpect(content().string(containsString("2021年治欠夏季专项行动“回头看”")));
    }
}
