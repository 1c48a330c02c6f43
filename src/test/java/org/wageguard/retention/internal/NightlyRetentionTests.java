package org.wageguard.retention.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.DemoApplicationTest;
import org.wageguard.retention.RetentionRuns;
import org.wageguard.shared.ScheduledRuns;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly retention job on a fixed clock: it runs once a night, as of that night's day, and records the run. */
@DemoApplicationTest
@Transactional
class NightlyRetentionTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired RetentionRuns retention;

    @Test
    void runsOnceANightAsOfThatNightsDay() {
        LocalDate night = LocalDate.now(ZONE).minusDays(1);
        Clock clock = Clock.fixed(night.atTime(3, 30).atZone(ZONE).toInstant(), ZONE);
        NightlyRetention job = new NightlyRetention(new ScheduledRuns(jdbc, transactions, clock, "test", true),
                retention, clock);

        job.run();
        job.run();

        assertThat(jdbc.sql("SELECT count(*) FROM retention_run WHERE run_on = :d AND kind = 'NIGHTLY'")
                .param("d", java.sql.Date.valueOf(night)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM retention_run_item i JOIN retention_run r ON r.id = i.run_id"
                + " WHERE r.run_on = :d").param("d", java.sql.Date.valueOf(night)).query(Integer.class).single())
                .isEqualTo(org.wageguard.shared.retention.RetentionKind.values().length);
        assertThat(jdbc.sql("SELECT outcome FROM scheduled_run WHERE job = 'retention.anonymise' AND run_key = :k")
                .param("k", night.toString()).query(String.class).single()).startsWith("records anonymised: ");
    }
}
