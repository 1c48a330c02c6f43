package org.wageguard.reporting;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.reporting.Statistics.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: the seed's 重点企业 ("高新区重点行业企业欠薪隐患及全面排查", "建设工程领域重点单位") — registered on the employer,
 * counted in the work summary and as a dimension of the statistics, each figure against a count made here.
 */
@DemoApplicationTest
class KeyEnterpriseFiguresTests {

    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 6, 30);

    @Autowired WorkSummary summary;
    @Autowired Statistics statistics;
    @Autowired JdbcClient jdbc;

    /** A case of the period counted as the statistics count it, independently of the view. */
    static final String COUNTED = " c.registered_on BETWEEN '2021-01-01' AND '2021-06-30' AND c.linked_case_id IS NULL"
            + " AND c.status NOT IN ('REFUSED','WITHDRAWN')";
    static final String CASES = "SELECT count(*) FROM case_file c JOIN employer e ON e.id = c.employer_id WHERE ";

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theSummaryCountsTheKeyEnterprisesRegisteredInspectedAndComplainedOf() {
        long registered = count("SELECT count(*) FROM employer WHERE key_enterprise AND region_code LIKE '430981%'");
        long inspected = count("""
                SELECT count(DISTINCT t.employer_id) FROM inspection i JOIN campaign_target t ON t.id = i.target_id
                  JOIN employer e ON e.id = t.employer_id
                 WHERE e.key_enterprise AND i.inspected_on BETWEEN '2021-01-01' AND '2021-06-30'""");
        long cases = count(CASES + "e.key_enterprise AND" + COUNTED);
        assertThat(registered).as("the demo marks the seed's key enterprises").isEqualTo(6);
        assertThat(inspected).as("the 高新区's three enterprises inspected in the summer campaign").isEqualTo(3);
        WorkSummary.Figures f = summary.figures("430981", FROM, TO);
        assertThat(f.value("keyEnterprises"))
                .isEqualTo("登记重点企业 " + registered + " 家，期间内检查 " + inspected + " 家，涉及欠薪案件 " + cases + " 起");
        assertThat(f.value("inspections")).endsWith("重点企业 " + inspected + " 家）");
        assertThat(f.figures().get("keyEnterprises").definition()).contains("重点行业企业").contains("关联案件只计一次");
    }

    @Test
    @Transactional // rolled back: other tests count the demo's employers
    void theStatisticsCountACaseUnderItsRespondentsKindKeyBeforeLaborIntensive() {
        Statistics.Table before = statistics.table("430981", FROM, TO, Dimension.ENTERPRISE, Dimension.CHANNEL, Map.of());
        long key = count(CASES + "e.key_enterprise AND" + COUNTED);
        long laborOnly = count(CASES + "e.labor_intensive AND NOT e.key_enterprise AND" + COUNTED);
        assertThat(before.rowTotals().get("KEY").cases()).isEqualTo(key).isPositive();
        assertThat(before.rowTotals().getOrDefault("LABOR_INTENSIVE", Statistics.Measures.ZERO).cases()).isEqualTo(laborOnly);
        assertThat(before.rowTotals().values().stream().mapToLong(Statistics.Measures::cases).sum())
                .isEqualTo(before.total().cases());
        assertThat(before.rowHeaders()).extracting(Statistics.Header::label).contains("重点企业");

        // a respondent (labor-intensive where there is one) marked key moves its cases from one row to the other
        String code = jdbc.sql(CASES.replace("count(*)", "e.credit_code") + "NOT e.key_enterprise AND" + COUNTED
                + " ORDER BY e.labor_intensive DESC, e.id LIMIT 1").query(String.class).single();
        long moved = count(CASES + "e.credit_code = '" + code + "' AND" + COUNTED);
        jdbc.sql("UPDATE employer SET key_enterprise = TRUE WHERE credit_code = :c").param("c", code).update();
        Statistics.Table after = statistics.table("430981", FROM, TO, Dimension.ENTERPRISE, Dimension.CHANNEL, Map.of());
        assertThat(after.rowTotals().get("KEY").cases()).isEqualTo(key + moved);
        assertThat(after.total().cases()).isEqualTo(before.total().cases());
    }
}
