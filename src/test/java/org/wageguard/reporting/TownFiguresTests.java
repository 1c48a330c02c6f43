package org.wageguard.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.reporting.Statistics.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A town's figures are its own: 南大膳镇 is 430981100, and its neighbours 430981101…109 share the digits
 * 4309811 but are other towns. Trimming trailing "00" pairs from the code (the old helper) gave 4309811 and
 * counted the neighbours' cases as 南大膳镇's.
 */
@DemoApplicationTest
@Transactional
class TownFiguresTests {

    static final String NANDASHAN = "430981100";
    // A period of its own, so that the cached dashboard figures of other tests are not touched.
    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 6, 30);

    @Autowired Statistics statistics;
    @Autowired WorkSummary workSummary;
    @Autowired Dashboard dashboard;
    @Autowired JdbcClient jdbc;

    @Test
    void aTownsFiguresLeaveOutTheNeighbouringTownsThatShareItsDigits() {
        List<Long> cases = jdbc.sql("""
                SELECT id FROM case_file WHERE registered_on BETWEEN '2021-01-01' AND '2021-06-30'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN') ORDER BY id LIMIT 3
                """).query(Long.class).list();
        assertThat(cases).hasSize(3);
        jdbc.sql("UPDATE case_file SET region_code = '430981100' WHERE id = ?").param(cases.get(0)).update();
        jdbc.sql("UPDATE case_file SET region_code = '430981101' WHERE id = ?").param(cases.get(1)).update();
        jdbc.sql("UPDATE case_file SET region_code = '430981109' WHERE id = ?").param(cases.get(2)).update();
        long own = jdbc.sql("""
                SELECT count(*) FROM case_file WHERE registered_on BETWEEN '2021-01-01' AND '2021-06-30'
                   AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN') AND region_code LIKE '430981100%'
                """).query(Long.class).single();
        assertThat(own).isPositive();

        assertThat(statistics.table(NANDASHAN, FROM, TO, Dimension.MONTH, Dimension.CHANNEL, Map.of()).total().cases())
                .isEqualTo(own);
        assertThat(workSummary.figures(NANDASHAN, FROM, TO).figures().get("cases").value()).isEqualTo(own + " 起");
        assertThat(dashboard.figures(NANDASHAN, LocalDate.of(2021, 1, 2), TO, Map.of()).total().cases())
                .as("the dashboard, over a period no other test caches").isEqualTo(jdbc.sql("""
                        SELECT count(*) FROM case_file WHERE registered_on BETWEEN '2021-01-02' AND '2021-06-30'
                           AND linked_case_id IS NULL AND status NOT IN ('REFUSED','WITHDRAWN')
                           AND region_code LIKE '430981100%'
                        """).query(Long.class).single());
        // The county still counts all three.
        assertThat(statistics.table("430981", FROM, TO, Dimension.MONTH, Dimension.CHANNEL, Map.of()).total().cases())
                .isGreaterThanOrEqualTo(3);
    }
}
