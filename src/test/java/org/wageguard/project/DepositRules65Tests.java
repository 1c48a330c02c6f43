package org.wageguard.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.employer.Employers;
import org.wageguard.employer.TestEmployers;
import org.wageguard.identity.Logins;

/**
 * 《工程建设领域农民工工资保证金规定》 (人社部发〔2021〕65号; here also 工资保证金管理暂行办法): the conditions of the two
 * exemptions, the least cut after two clean years, the cap of Art. 9, the rating as of the day the deposit is lodged,
 * and the 5- and 10-working-day clocks on the holiday calendar casework keeps.
 */
@DemoApplicationTest
class DepositRules65Tests {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired WageDeposits deposits;
    @Autowired CaseOrders orders;
    @Autowired Employers employers;
    @Autowired MockMvc mvc;
    @Autowired Logins logins;

    static <T> T last(java.util.List<T> list) {
        return list.get(list.size() - 1);
    }

    long contractor() {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    registered_on)
                VALUES (:name, :code, '47', '430981', 'GENERAL_CONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'), DATE '2015-01-01')
                RETURNING id""").param("name", "沅江市保证金测试建工有限公司" + SEQ.incrementAndGet())
                .param("code", TestEmployers.newCreditCode()).query(Long.class).single();
    }

    long project(long contractor, String region, String value, LocalDate contractDate) {
        long owner = jdbc.sql("SELECT id FROM employer WHERE name = '沅江市城市建设投资开发有限公司'").query(Long.class).single();
        long housing = jdbc.sql("SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'").query(Long.class).single();
        String code = "BZJ-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        return projects.register(new ProjectDraft(code, "保证金测试项目" + code, region, housing, owner, contractor, null,
                null, null, false, new BigDecimal(value), null, contractDate, contractDate, null,
                ProjectStatus.UNDER_CONSTRUCTION));
    }

    void arrears(long contractor, LocalDate on) {
        employers.recordConfirmedArrears(contractor, on, new BigDecimal("50000.00"), 5, "测试", "测试欠薪");
    }

    /** The item's derived status as the officer's recorded facts would leave it (the derivation is not under test). */
    void inPlace(long project, String kind) {
        jdbc.sql("UPDATE compliance_item SET status = 'PRESENT' WHERE project_id = :p AND kind = :k")
                .param("p", project).param("k", kind).update();
    }

    @Test
    void rule65Article9_theSmallContractExemptionNeedsNoArrearsInTheYearBeforeTheContract() {
        LocalDate signed = LocalDate.now().minusMonths(1);
        long clean = contractor();
        var exempt = deposits.requirement(project(clean, "430981", "800000", signed)).orElseThrow();
        assertThat(exempt.exempt()).isTrue();
        assertThat(last(exempt.reasoning())).contains("签订施工合同前一年内").contains("第九条");

        long owing = contractor();
        arrears(owing, signed.minusMonths(6));
        var owed = deposits.requirement(project(owing, "430981", "800000", signed)).orElseThrow();
        assertThat(owed.exempt()).as("arrears six months before signing: no exemption").isFalse();
        assertThat(owed.amount()).isEqualByComparingTo("24000.00"); // 800,000 × 2 % × 150 % (arrears in two years)
        assertThat(owed.reasoning()).anyMatch(s -> s.contains("不免于存储") && s.contains("第九条"));
    }

    @Test
    void rule65Article10_threeCleanYearsExemptOnlyWithRealNameManagementAndTheSpecialAccountInPlace() {
        long contractor = contractor();
        long project = project(contractor, "430981", "10000000", LocalDate.now().minusMonths(1));
        var without = deposits.requirement(project).orElseThrow();
        assertThat(without.exempt()).isFalse();
        assertThat(without.amount()).as("the two-clean-years cut still applies").isEqualByComparingTo("100000.00");
        assertThat(without.reasoning()).anyMatch(s -> s.contains("未按要求落实用工实名制管理和农民工工资专用账户制度"));
        inPlace(project, "REAL_NAME");
        assertThat(deposits.requirement(project).orElseThrow().exempt()).as("the special account still missing").isFalse();
        inPlace(project, "SPECIAL_ACCOUNT");
        var exempt = deposits.requirement(project).orElseThrow();
        assertThat(exempt.exempt()).isTrue();
        assertThat(last(exempt.reasoning())).contains("落实用工实名制管理和农民工工资专用账户制度").contains("第十条");
    }

    @Test
    void rule65Article10_twoCleanYearsCutTheRateByAtLeastHalf() throws Exception {
        DepositParameters lenient = new DepositParameters("430981108", LocalDate.of(2027, 1, 1), new BigDecimal("0.02"),
                new BigDecimal("0.005"), 2, new BigDecimal("1000000"), new BigDecimal("0.6"), new BigDecimal("1.5"),
                new BigDecimal("2"));
        assertThatThrownBy(() -> deposits.addParameters(lenient)).isInstanceOf(WageDeposits.LedgerRuleException.class)
                .hasMessageContaining("降幅不低于50%").hasMessageContaining("第十条");
        mvc.perform(post("/deposit-parameters").with(logins.as("zhiqianban")).with(csrf()).param("regionCode", "430981")
                        .param("effectiveFrom", "2027-01-01").param("baseRatePercent", "2").param("multiProjectRatePercent", "0.5")
                        .param("multiProjectThreshold", "2").param("exemptBelow", "1000000").param("cleanTwoYearsFactor", "0.6")
                        .param("arrearsFactor", "1.5").param("blacklistFactor", "2"))
                .andExpect(content().string(containsString("降幅不低于50%")));
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO deposit_parameter (region_code, effective_from, base_rate, multi_project_rate,
                    multi_project_threshold, exempt_below, clean_two_years_factor, arrears_factor, blacklist_factor)
                VALUES ('430981108', '2027-01-01', 0.02, 0.005, 2, 1000000, 0.6, 1.5, 2)""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rule65Article9_aRegionsCapLimitsTheDepositOfALargeContract() {
        long project = project(contractor(), "430981108", "500000000", LocalDate.now().minusMonths(1));
        assertThat(deposits.requirement(project).orElseThrow().amount()).isEqualByComparingTo("5000000.00");
        deposits.addParameters(new DepositParameters("430981108", LocalDate.of(2020, 1, 1), new BigDecimal("0.02"),
                new BigDecimal("0.005"), 2, new BigDecimal("1000000"), new BigDecimal("0.5"), new BigDecimal("1.5"),
                new BigDecimal("2"), new BigDecimal("3000000")));
        try {
            var capped = deposits.requirement(project).orElseThrow();
            assertThat(capped.amount()).isEqualByComparingTo("3000000.00");
            assertThat(last(capped.reasoning())).contains("存储上限").contains("3,000,000.00").contains("第九条");
            assertThatThrownBy(() -> deposits.addParameters(new DepositParameters("430981108", LocalDate.of(2020, 2, 1),
                    new BigDecimal("0.02"), new BigDecimal("0.005"), 2, new BigDecimal("1000000"), new BigDecimal("0.5"),
                    new BigDecimal("1.5"), new BigDecimal("2"), BigDecimal.ZERO))).hasMessageContaining("存储上限");
        } finally {
            jdbc.sql("DELETE FROM deposit_parameter WHERE region_code = '430981108'").update();
        }
    }

    @Test
    void rule65_theRequirementIsRatedAsOfTheDayTheDepositWasLodged() {
        long contractor = contractor();
        long project = project(contractor, "430981", "10000000", LocalDate.now().minusMonths(2));
        LocalDate lodged = LocalDate.now().minusDays(20);
        deposits.deposit(project, WageDeposits.MovementKind.DEPOSIT, new BigDecimal("100000.00"), lodged, "测试缴存");
        assertThat(deposits.requirement(project).orElseThrow().amount()).isEqualByComparingTo("100000.00");
        arrears(contractor, LocalDate.now().minusDays(5));
        var after = deposits.requirement(project).orElseThrow();
        assertThat(after.amount()).as("a later arrears record does not re-rate a project already lodged")
                .isEqualByComparingTo("100000.00");
        assertThat(after.reasoning()).anyMatch(s -> s.contains("按存储之日（" + lodged + "）"));
        long newProject = project(contractor, "430981", "10000000", LocalDate.now().minusDays(1));
        assertThat(deposits.requirement(newProject).orElseThrow().amount())
                .as("a new project is rated by today's standing: 0.5 % (two projects under way) × 150 % (arrears)")
                .isEqualByComparingTo("75000.00");
    }

    @Test
    void rule65Chapter3_payOutAndTopUpClocksCountOnTheHolidayCalendar() {
        long project = project(contractor(), "430981", "10000000", LocalDate.of(2026, 6, 1));
        deposits.deposit(project, WageDeposits.MovementKind.DEPOSIT, new BigDecimal("100000.00"), LocalDate.of(2026, 6, 20),
                "测试缴存");
        long order = orders.served(project, "30000", LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 29));
        deposits.draw(project, new BigDecimal("30000.00"), LocalDate.of(2026, 9, 30), order, "测试动用");
        WageDeposits.Ledger ledger = deposits.ledger(project);
        assertThat(last(ledger.movements()).dueOn()).as("National Day 1–7 October off, Saturday 10 October worked")
                .isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(ledger.topUpDue()).isEqualTo(LocalDate.of(2026, 10, 20));
    }
}
