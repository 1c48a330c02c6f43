package org.wageguard.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.employer.TestEmployers;
import org.wageguard.identity.Logins;

/**
 * 人社部发〔2021〕65号: a guarantee letter or insurance stands for cash only once registered (issuer, number, amount,
 * term) and verified with its issuer (who, when, how); it is claimed on when the deposit would be drawn; the project's
 * deposit page shows the register.
 */
@DemoApplicationTest
class GuaranteeRegister65Tests {

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired WageDeposits deposits;
    @Autowired CaseOrders orders;
    @Autowired DepositGuarantees guarantees;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    long project() {
        long contractor = jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    registered_on)
                VALUES ('沅江市保函测试建工有限公司', :code, '47', '430981', 'GENERAL_CONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'), DATE '2025-06-01')
                RETURNING id""").param("code", TestEmployers.newCreditCode()).query(Long.class).single();
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        String code = "BH-" + System.nanoTime() % 10_000_000;
        return projects.register(new ProjectDraft(code, "保函测试项目" + code, "430981", housing, owner, contractor, null,
                null, null, false, new BigDecimal("10000000"), null, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 6, 1),
                LocalDate.of(2027, 6, 30), ProjectStatus.UNDER_CONSTRUCTION));
    }

    String depositItem(long project, String column) {
        return jdbc.sql("SELECT " + column + "::text FROM compliance_item WHERE project_id = :p AND kind = 'WAGE_DEPOSIT'")
                .param("p", project).query(String.class).single();
    }

    DepositGuarantees.Guarantee only(long project) {
        return guarantees.of(project).get(0);
    }

    @Test
    void rule65_aGuaranteeLetterCountsOnceRegisteredAndVerifiedWithItsIssuerAndIsClaimedOnWhenTheDepositWouldBeDrawn()
            throws Exception {
        long project = project();
        BigDecimal required = deposits.requirement(project).orElseThrow().amount();
        assertThat(required).isEqualByComparingTo("200000.00");
        assertThatThrownBy(() -> guarantees.register(project, new DepositGuarantees.NewGuarantee(
                GuaranteeForm.BANK_GUARANTEE, "中国农业银行沅江市支行", "BH-1", new BigDecimal("150000"),
                LocalDate.of(2026, 6, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2026, 6, 1))))
                .hasMessageContaining("低于按规定比例应存储的 200,000.00 元");
        assertThatThrownBy(() -> guarantees.register(project, new DepositGuarantees.NewGuarantee(
                GuaranteeForm.BANK_GUARANTEE, "中国农业银行沅江市支行", "BH-1", new BigDecimal("200000"),
                LocalDate.of(2026, 6, 1), LocalDate.of(2027, 3, 31), LocalDate.of(2026, 6, 1))))
                .hasMessageContaining("不得短于合同期");

        String issuer = "中国农业银行沅江市支行" + project;
        mvc.perform(post("/projects/" + project + "/deposit/guarantees").with(logins.as("jiancha")).with(csrf())
                        .param("form", "BANK_GUARANTEE").param("issuer", issuer).param("number", "BH-2026-0601")
                        .param("amount", "200000").param("validFrom", "2026-06-01").param("validUntil", "2027-12-31")
                        .param("lodgedOn", "2026-06-01"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(deposits.ledger(project).guaranteed()).as("not verified yet").isZero();
        assertThat(depositItem(project, "status")).isEqualTo("MISSING");

        DepositGuarantees.Guarantee g = only(project);
        mvc.perform(post("/projects/" + project + "/deposit/guarantees/" + g.id() + "/verify").with(logins.as("jiancha"))
                        .with(csrf()).param("version", String.valueOf(g.version())).param("on", "2026-06-02")
                        .param("method", " ").param("issuerContact", "王会计 0737-2221234"))
                .andExpect(flash().attribute("error", containsString("核实方式")));
        mvc.perform(post("/projects/" + project + "/deposit/guarantees/" + g.id() + "/verify").with(logins.as("jiancha"))
                        .with(csrf()).param("version", String.valueOf(g.version())).param("on", "2026-06-02")
                        .param("method", "致电出具行核对保函编号和金额").param("issuerContact", "王会计 0737-2221234"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(deposits.ledger(project).guaranteed()).isEqualByComparingTo("200000.00");
        assertThat(deposits.ledger(project).shortfall()).isZero();
        assertThat(depositItem(project, "status")).isEqualTo("PRESENT");
        assertThat(depositItem(project, "form")).isEqualTo("BANK_GUARANTEE");
        assertThat(depositItem(project, "valid_until")).isEqualTo("2027-12-31");

        mvc.perform(get("/projects/" + project + "/deposit").with(logins.as("zhujian"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"guarantee-register\""), containsString(issuer),
                        containsString("BH-2026-0601"), containsString("2026-06-02 由 jiancha 核实：致电出具行核对保函编号和金额"),
                        containsString("王会计 0737-2221234"))));

        DepositGuarantees.Guarantee verified = only(project);
        assertThatThrownBy(() -> guarantees.claim(project, verified.id(), verified.version(), LocalDate.of(2026, 9, 29),
                new BigDecimal("30000"), "沅人社监令〔2026〕测试号", LocalDate.of(2026, 9, 29)))
                .hasMessageContaining("尚未届满");
        long order = orders.served(project, "30000", LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 29));
        assertThatThrownBy(() -> deposits.draw(project, new BigDecimal("30000"), LocalDate.of(2026, 9, 30), order, "动用"))
                .hasMessageContaining("向出具机构索赔");
        guarantees.claim(project, verified.id(), verified.version(), LocalDate.of(2026, 9, 30), new BigDecimal("30000"),
                "沅人社监令〔2026〕测试号", LocalDate.of(2026, 9, 29));
        DepositGuarantees.Guarantee claimed = only(project);
        assertThat(claimed.claimDue()).as("5 working days, National Day skipped").isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(claimed.claimedBy()).isEqualTo("system");
        assertThat(deposits.ledger(project).guaranteed()).as("a claimed letter no longer stands for cash").isZero();
        assertThat(depositItem(project, "status")).isEqualTo("MISSING");
    }
}
