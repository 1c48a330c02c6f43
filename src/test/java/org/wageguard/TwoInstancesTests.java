package org.wageguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.wageguard.shared.ScheduledRuns;
import org.wageguard.shared.ScheduledRuns.Status;

/**
 * Two instances of the application on one database, played by two callers on the test's PostgreSQL: a scheduled job
 * runs once a night whichever instance fires first and whenever the other fires; the demo data is loaded by one
 * instance at a time. (bench/cluster.sh shows the same with two real instances behind a proxy.)
 */
@DemoApplicationTest
class TwoInstancesTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;

    private final String job = "test.job-" + UUID.randomUUID();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private ScheduledRuns instance(String name, LocalDate night) {
        return new ScheduledRuns(jdbc, transactions,
                Clock.fixed(night.atTime(1, 30).atZone(ZONE).toInstant(), ZONE), name, true);
    }

    private long runsRecorded() {
        return jdbc.sql("SELECT count(*) FROM scheduled_run WHERE job = :j").param("j", job).query(Long.class).single();
    }

    @Test
    void theSecondInstanceFiringLaterTheSameNightSkipsTheRunTheFirstDid() {
        LocalDate night = LocalDate.of(2026, 12, 3);
        AtomicInteger work = new AtomicInteger();

        ScheduledRuns.Run<Integer> first = instance("a", night).nightly(job, work::incrementAndGet);
        ScheduledRuns.Run<Integer> second = instance("b", night).nightly(job, work::incrementAndGet);
        ScheduledRuns.Run<Integer> again = instance("a", night).nightly(job, work::incrementAndGet);

        assertThat(first.status()).isEqualTo(Status.RAN);
        assertThat(first.result()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(Status.ALREADY_RAN);
        assertThat(second.ranBy()).isEqualTo("a");
        assertThat(again.status()).isEqualTo(Status.ALREADY_RAN);
        assertThat(work).hasValue(1);
        assertThat(jdbc.sql("SELECT instance || ' ' || run_key || ' ' || outcome FROM scheduled_run WHERE job = :j "
                + "AND finished_at IS NOT NULL").param("j", job).query(String.class).list())
                .containsExactly("a 2026-12-03 1");

        // The next night is a run of its own, whichever instance gets there first.
        assertThat(instance("b", night.plusDays(1)).nightly(job, work::incrementAndGet).status()).isEqualTo(Status.RAN);
        assertThat(instance("a", night.plusDays(1)).nightly(job, work::incrementAndGet).status())
                .isEqualTo(Status.ALREADY_RAN);
        assertThat(work).hasValue(2);
        assertThat(runsRecorded()).isEqualTo(2);
    }

    @Test
    void whileOneInstanceRunsTheJobTheOtherSkipsItAndAfterwardsFindsItDone() throws Exception {
        LocalDate night = LocalDate.of(2026, 12, 3);
        AtomicInteger work = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        Future<ScheduledRuns.Run<Integer>> a = threads.submit(() -> instance("a", night).nightly(job, () -> {
            running.countDown();
            try {
                finish.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return work.incrementAndGet();
        }));
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
        ScheduledRuns.Run<Integer> meanwhile = instance("b", night).nightly(job, work::incrementAndGet);
        finish.countDown();
        ScheduledRuns.Run<Integer> afterwards = instance("b", night).nightly(job, work::incrementAndGet);

        assertThat(meanwhile.status()).isEqualTo(Status.RUNNING_ELSEWHERE);
        assertThat(a.get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.RAN);
        // Either still waiting for a's commit (skipped as running) or after it (skipped as done): never a second run.
        assertThat(afterwards.status()).isIn(Status.ALREADY_RAN, Status.RUNNING_ELSEWHERE);
        assertThat(instance("b", night).nightly(job, work::incrementAndGet).status()).isEqualTo(Status.ALREADY_RAN);
        assertThat(work).hasValue(1);
        assertThat(runsRecorded()).isEqualTo(1);
    }

    @Test
    void twoInstancesFiringAtTheSameInstantRunEachNightExactlyOnce() throws Exception {
        AtomicInteger work = new AtomicInteger();
        int nights = 15;
        for (int n = 0; n < nights; n++) {
            LocalDate night = LocalDate.of(2026, 12, 1).plusDays(n);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<ScheduledRuns.Run<Integer>>> firings = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                ScheduledRuns instance = instance(name, night);
                firings.add(threads.submit(() -> {
                    together.await(20, TimeUnit.SECONDS);
                    return instance.nightly(job, work::incrementAndGet);
                }));
            }
            List<Status> statuses = new ArrayList<>();
            for (var firing : firings) {
                statuses.add(firing.get(20, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).as("night %s", night).containsOnlyOnce(Status.RAN)
                    .doesNotContain(Status.FAILED, Status.NOT_READY);
        }
        assertThat(work).hasValue(nights);
        assertThat(runsRecorded()).isEqualTo(nights);
    }

    @Test
    void aRunThatFailedIsNotCountedSoTheOtherInstanceRunsIt() {
        LocalDate night = LocalDate.of(2026, 12, 3);

        ScheduledRuns.Run<Object> failed = instance("a", night).nightly(job, () -> {
            jdbc.sql("INSERT INTO scheduled_run (job, run_key, instance, started_at) VALUES (:j, 'side-effect', 'a', now())")
                    .param("j", job).update();
            throw new IllegalStateException("broken");
        });
        ScheduledRuns.Run<String> retried = instance("b", night).nightly(job, () -> "done");

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(retried.status()).isEqualTo(Status.RAN);
        // What the failed run wrote went with it.
        assertThat(jdbc.sql("SELECT instance FROM scheduled_run WHERE job = :j").param("j", job).query(String.class)
                .list()).containsExactly("b");
    }

    @Test
    void anInstanceStillStartingRunsNothingAndRecordsNothing() {
        ScheduledRuns starting = new ScheduledRuns(jdbc, transactions, Clock.system(ZONE), "starting", false);
        AtomicInteger work = new AtomicInteger();

        assertThat(starting.nightly(job, work::incrementAndGet).status()).isEqualTo(Status.NOT_READY);
        assertThat(work).hasValue(0);
        assertThat(runsRecorded()).isZero();
    }

    @Test
    void whileOneInstanceLoadsTheDemoDataTheOtherWaitsForIt() throws Exception {
        DemoDataLock first = new DemoDataLock(dataSource);
        DemoDataLock second = new DemoDataLock(dataSource);
        first.take();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                second.take();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        try {
            // The second instance is seen waiting on the lock in the database itself, not assumed after a pause.
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_locks
                    WHERE locktype = 'advisory' AND NOT granted
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    """).query(Long.class).single() > 0);
            assertThat(waiting).as("the second instance waits while the first loads").isNotDone();
        } finally {
            first.release();
        }
        waiting.get(20, TimeUnit.SECONDS);
        second.release();
    }
}
