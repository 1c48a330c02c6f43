package org.wageguard.employer;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The arrears standing the wage-deposit rules read (Decree 724 Art. 32). */
@DemoApplicationTest
class StandingTests {

    @Autowired Employers employers;
    @Autowired JdbcClient jdbc;

    long employer(LocalDate registeredOn) {
        return jdbc.sql("""
                INSERT INTO employer (name, credit_code, industry_code, region_code, type, supervising_department_id,
                    registered_on)
                VALUES ('沅江市信用测试有限公司', :code, '47', '430981', 'GENERAL_CONTRACTOR',
                    (SELECT id FROM department WHERE name = '沅江市住房和城乡建设局'), :registered)
                RETURNING id""").param("code", TestEmployers.newCreditCode()).param("registered", registeredOn)
                .query(Long.class).single();
    }

    void arrears(long id, LocalDate on) {
        jdbc.sql("INSERT INTO employer_arrears_record (employer_id, confirmed_on, amount) VALUES (:id, :on, :amount)")
                .param("id", id).param("on", on).param("amount", new BigDecimal("1000.00")).update();
    }

    void listing(long id, String kind, LocalDate listed, LocalDate expires, LocalDate removed) {
        jdbc.sql("""
                INSERT INTO employer_credit_listing (employer_id, kind, listed_on, expires_on, removed_on, grounds)
                VALUES (:id, :kind, :listed, :expires, :removed, '测试')""").param("id", id).param("kind", kind)
                .param("listed", listed).param("expires", expires).param("removed", removed).update();
    }

    @Test
    void aNewEmployerWithNoArrearsCountsCleanYearsFromRegistrationCappedAtThree() {
        LocalDate asOf = LocalDate.of(2026, 11, 28);
        assertThat(employers.standing(employer(LocalDate.of(2025, 12, 1)), asOf))
                .isEqualTo(new ArrearsStanding(false, false, 0));
        assertThat(employers.standing(employer(LocalDate.of(2024, 11, 28)), asOf))
                .isEqualTo(new ArrearsStanding(false, false, 2));
        assertThat(employers.standing(employer(LocalDate.of(2015, 1, 1)), asOf))
                .isEqualTo(new ArrearsStanding(false, false, 3));
    }

    @Test
    void arrearsWithinTwoYearsCountAndCleanYearsRunFromTheLastOne() {
        long id = employer(LocalDate.of(2015, 1, 1));
        arrears(id, LocalDate.of(2020, 5, 1));
        arrears(id, LocalDate.of(2025, 3, 1));
        assertThat(employers.standing(id, LocalDate.of(2026, 11, 28))).isEqualTo(new ArrearsStanding(true, false, 1));
        assertThat(employers.standing(id, LocalDate.of(2027, 3, 1))).isEqualTo(new ArrearsStanding(false, false, 2));
        assertThat(employers.standing(id, LocalDate.of(2027, 2, 28))).isEqualTo(new ArrearsStanding(true, false, 1));
        // As of a day before the later arrears, only the earlier one is known.
        assertThat(employers.standing(id, LocalDate.of(2024, 6, 1))).isEqualTo(new ArrearsStanding(false, false, 3));
    }

    @Test
    void onlyABlacklistingInForceCounts() {
        long id = employer(LocalDate.of(2015, 1, 1));
        listing(id, "KEY_ATTENTION", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null);
        listing(id, "BLACKLIST", LocalDate.of(2022, 1, 1), LocalDate.of(2025, 1, 1), null);
        assertThat(employers.standing(id, LocalDate.of(2026, 11, 28)).blacklisted()).isFalse();
        assertThat(employers.standing(id, LocalDate.of(2024, 1, 1)).blacklisted()).isTrue();
        listing(id, "BLACKLIST", LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1), LocalDate.of(2026, 9, 1));
        assertThat(employers.standing(id, LocalDate.of(2026, 8, 31)).blacklisted()).isTrue();
        assertThat(employers.standing(id, LocalDate.of(2026, 9, 1)).blacklisted()).isFalse();
    }

    @Test
    void theDemoEmployersAreFoundByCreditCodeAndOffered() {
        var contractor = employers.findByCreditCode("91430981ma4l12340e").orElseThrow();
        assertThat(contractor.name()).isEqualTo("湖南沅江建工集团有限公司");
        assertThat(contractor.type()).isEqualTo(EmployerType.GENERAL_CONTRACTOR);
        assertThat(employers.find(contractor.id())).contains(contractor);
        var region = new org.wageguard.identity.DataScope(org.wageguard.identity.DataScopeType.REGION, "430981",
                java.util.Set.of(), null, null, 0);
        assertThat(employers.choices(region, java.util.Set.of(EmployerType.OWNER))).extracting(EmployerSummary::name)
                .contains("沅江市人民医院", "湖南蓉园房地产开发有限公司").doesNotContain("湖南沅江建工集团有限公司");
        var zongbao = new org.wageguard.identity.DataScope(org.wageguard.identity.DataScopeType.ORGANISATION, "430981",
                java.util.Set.of(), "91430981MA4L12340E", null, 0);
        assertThat(employers.choices(zongbao, java.util.Set.of())).singleElement().isEqualTo(contractor);
    }
}
