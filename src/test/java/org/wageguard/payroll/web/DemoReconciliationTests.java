package org.wageguard.payroll.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.DemoApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo starts already reconciled, with the anomalies it was built to show. */
@DemoApplicationTest
class DemoReconciliationTests {

    @Autowired JdbcClient jdbc;

    @Test
    void theDemoProjectsAreReconciledWithTheirAnomalies() {
        var found = jdbc.sql("""
                SELECT DISTINCT p.code || ':' || f.rule FROM reconciliation_finding f JOIN project p ON p.id = f.project_id
                 WHERE f.month IN ('2026-09-01', '2026-10-01')""").query(String.class).list();
        assertThat(found).contains("YJ-2021-001:GHOST_PAYROLL", "YJ-2021-001:NOT_ON_ROSTER", "YJ-2021-001:NO_CONTRACT",
                "YJ-2021-009:SHARED_ROSTER_CARD", "YJ-2021-009:SHARED_CARD", "YJ-2021-009:INVALID_ID_NUMBER",
                "YJ-2021-011:FAILED_NOT_REPAID", "YJ-2021-011:INVALID_ID_NUMBER");
        assertThat(jdbc.sql("SELECT count(*) FROM reconciliation_run WHERE month IN ('2026-09-01', '2026-10-01')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE current").query(Long.class).single()).isGreaterThan(300);
    }
}
