package org.wageguard.casework;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wageguard.DemoApplicationTest;
import org.wageguard.LedgerSheets;
import org.wageguard.identity.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The case ledger export selects exactly what the list's filters select, with Chinese columns. */
@DemoApplicationTest
class CaseLedgerTests {

    @Autowired MockMvc mvc;
    @Autowired Logins logins;
    @Autowired JdbcClient jdbc;

    List<List<String>> ledger(String user, String query) throws Exception {
        byte[] xlsx = mvc.perform(get("/cases/ledger.xlsx?" + query).with(logins.as(user))).andReturn().getResponse()
                .getContentAsByteArray();
        return LedgerSheets.rows(xlsx);
    }

    @Test
    void theLedgerHoldsTheCasesOfTheListsFilters() throws Exception {
        long walkIns = jdbc.sql("SELECT count(*) FROM case_file WHERE channel = 'WALK_IN'").query(Long.class).single();
        assertThat(walkIns).isPositive();
        List<List<String>> rows = ledger("jiancha", "channel=WALK_IN");
        assertThat(rows.get(0)).startsWith("案件编号", "来源", "类型", "状态", "被投诉单位");
        assertThat(rows).hasSize((int) walkIns + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("一厅式接访"));

        BigDecimal claimed = jdbc.sql("SELECT sum(amount_claimed) FROM case_file WHERE channel = 'WALK_IN'")
                .query(BigDecimal.class).single();
        BigDecimal total = rows.subList(1, rows.size()).stream().map(r -> new BigDecimal(r.get(9)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(claimed);
    }

    @Test
    void sectorAndFlagFiltersSelectTheSameCasesAsTheDatabaseSays() throws Exception {
        // a case's sector is its project's where it has one, else the respondent's (counted here independently)
        String sector = "COALESCE((SELECT p.industry_code FROM project p WHERE p.id = c.project_id), c.industry_code)";
        long construction = jdbc.sql("SELECT count(*) FROM case_file c WHERE " + sector + " = 'E' OR " + sector
                + " IN (SELECT code FROM industry_sector WHERE parent_code = 'E')").query(Long.class).single();
        long other = jdbc.sql("SELECT count(*) FROM case_file c WHERE " + sector + " IS NOT NULL AND " + sector + " <> 'E'"
                + " AND " + sector + " NOT IN (SELECT code FROM industry_sector WHERE parent_code = 'E')").query(Long.class).single();
        assertThat(construction).as("demo has construction cases").isPositive();
        assertThat(other).as("demo has cases of other sectors (the seed's third difficulty)").isPositive();
        assertThat(ledger("jiancha", "sector=E")).hasSize((int) construction + 1);

        long spring = jdbc.sql("SELECT count(*) FROM case_file WHERE spring_festival AND group_case").query(Long.class).single();
        assertThat(ledger("jiancha", "springFestival=true&groupCase=true")).hasSize((int) spring + 1);
    }

    @Test
    void anOfficerWithoutCaseAccessGetsNoLedger() throws Exception {
        int status = mvc.perform(get("/cases/ledger.xlsx").with(logins.as("yinhang"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }
}
