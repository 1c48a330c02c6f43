package org.wageguard.payroll.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bank's statement feed (issue 20), the fifth format: the special account's credits of labor cost and its
 * balance, sent through the data API under the same rules as the other four — all or nothing, every bad
 * row named in Chinese, only for the accounts bound to the bank. Rolled back after each test.
 */
@DemoApplicationTest
@Transactional
class StatementFeedTests {

    static final String HEADER = "项目编号,记账类型,交易日期,金额,交易流水号,所属月份,付款人\n";

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    /**
     * The account's call, its principal put in place as the bearer token filter does (a token's use is recorded in
     * a transaction of its own, which would not see a token issued inside this rolled-back test: DataApiTests proves
     * the tokens on this same filter).
     */
    ResultActions send(String username, String body) throws Exception {
        return mvc.perform(post("/api/v1/statements").with(logins.as(username)).contentType("text/csv")
                .content((HEADER + body).getBytes(StandardCharsets.UTF_8)));
    }

    long transfers(String reference) {
        return jdbc.sql("SELECT count(*) FROM labor_cost_transfer WHERE reference = :r").param("r", reference)
                .query(Long.class).single();
    }

    /** A project in the city whose special account is not bound to yinhang's bank now. */
    String notBoundToYinhang() {
        return jdbc.sql("""
                SELECT p.code FROM project p WHERE p.region_code LIKE '430981%' AND NOT EXISTS (
                  SELECT 1 FROM special_account_binding b WHERE b.project_id = p.id AND b.status = 'CONFIRMED' AND b.valid_to IS NULL
                     AND b.bank_credit_code = (SELECT x.bank_credit_code FROM special_account_binding x JOIN project q ON q.id = x.project_id
                                                WHERE q.code = 'YJ-2021-004' AND x.status = 'CONFIRMED' AND x.valid_to IS NULL))
                 ORDER BY p.code LIMIT 1
                """).query(String.class).single();
    }

    @Test
    void theBankSendsCreditsAndTheBalanceOfItsAccountAndTheSameStatementAgainChangesNothing() throws Exception {
        String bank = "yinhang";
        String statement = "YJ-2021-004,CREDIT,2026-11-08,300000.00,ST-T-0001,2026-11,沅江市城市建设投资开发有限公司\n"
                + "YJ-2021-004,余额,2026-11-30,126400.00,,,\n";
        send(bank, statement).andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("statements"))
                .andExpect(jsonPath("$.applied").value(true)).andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.message").value(containsString("专用账户对账单")));
        assertThat(jdbc.sql("""
                SELECT t.source || ' ' || t.month || ' ' || t.transferred_on || ' ' || t.amount || ' ' || t.payer_name
                  FROM labor_cost_transfer t WHERE t.reference = 'ST-T-0001'
                """).query(String.class).single())
                .isEqualTo("BANK 2026-11-01 2026-11-08 300000.00 沅江市城市建设投资开发有限公司");
        assertThat(jdbc.sql("""
                SELECT b.balance FROM special_account_balance b JOIN project p ON p.id = b.project_id
                 WHERE p.code = 'YJ-2021-004' AND b.as_of = DATE '2026-11-30'
                """).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("126400");

        send(bank, statement).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1));
        assertThat(transfers("ST-T-0001")).as("recorded once").isEqualTo(1);
    }

    @Test
    void aBadRowRefusesTheWholeStatementWithEachProblemNamedInChinese() throws Exception {
        String bank = "yinhang";
        send(bank, "YJ-2021-004,CREDIT,2026-11-08,300000.00,ST-T-0101,2026-11,\n"
                + "YJ-2021-004,CREDIT,2026-11-09,三十万,,2026-13,\n"
                + "YJ-2021-004,退款,2099-01-01,10.00,ST-T-0103,,\n")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.problems[?(@.row == 3 && @.column == '金额（amount）')]").exists())
                .andExpect(jsonPath("$.problems[?(@.row == 3 && @.column == '交易流水号（transaction_id）')].reason").value("人工费用拨付须填写交易流水号"))
                .andExpect(jsonPath("$.problems[?(@.row == 4 && @.column == '记账类型（entry_type）')].reason").value(
                        "记账类型应为 CREDIT（人工费用拨付）或 BALANCE（余额）"))
                .andExpect(jsonPath("$.problems[?(@.row == 4 && @.column == '交易日期（value_date）')].reason").value("交易日期晚于今天"))
                .andExpect(jsonPath("$.message").value(containsString("未")));
        assertThat(transfers("ST-T-0101")).as("nothing applied, the good row neither").isZero();
    }

    @Test
    void aBankMaySendOnlyForTheAccountsBoundToItAndAContractorNotAtAll() throws Exception {
        String other = notBoundToYinhang();
        send("yinhang", other + ",CREDIT,2026-11-08,50000.00,ST-T-0201,,\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("未绑定到本行")))
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("专用账户对账单")));
        assertThat(transfers("ST-T-0201")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'STATEMENT_IMPORT' AND result = 'DENIED' AND detail LIKE :d")
                .param("d", "%" + other + "%").query(Long.class).single()).isEqualTo(1);
        // The contractor's own account statement would decide rule 7 about itself: refused outright.
        send("zongbao", "YJ-2021-004,CREDIT,2026-11-08,50000.00,ST-T-0202,,\n").andExpect(status().isForbidden());
        assertThat(transfers("ST-T-0202")).isZero();
    }
}
