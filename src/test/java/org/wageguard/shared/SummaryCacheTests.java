package org.wageguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The totals cache of the case list: only expensive totals kept, one computation per key, bounded staleness. */
class SummaryCacheTests {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advance(long ms) {
            millis.addAndGet(ms);
        }
    }

    /** Runs the background refreshes only when the test says so. */
    static final class HeldExecutor extends AbstractExecutorService {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    final HandClock clock = new HandClock();
    final HeldExecutor background = new HeldExecutor();
    final SummaryCache cache = new SummaryCache(30, 50, clock, background);

    /** A computation that takes {@code took} ms on the hand clock and returns how often it ran. */
    private java.util.function.Supplier<Integer> counting(AtomicInteger runs, long took) {
        return () -> {
            clock.advance(took);
            return runs.incrementAndGet();
        };
    }

    @Test
    void aCheapTotalIsComputedEveryTimeSoItIsAlwaysExact() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(cache.get("county", counting(runs, 5))).isEqualTo(1);
        assertThat(cache.get("county", counting(runs, 5))).isEqualTo(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void anExpensiveTotalIsKeptFreshThenServedStaleWhileOneRefreshRunsThenRecomputed() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(cache.get("province", counting(runs, 800))).isEqualTo(1);
        clock.advance(29_000);
        assertThat(cache.get("province", counting(runs, 800))).as("fresh").isEqualTo(1);

        clock.advance(2_000); // 31 s old: served as it is, one refresh queued however often it is asked for
        assertThat(cache.get("province", counting(runs, 800))).isEqualTo(1);
        assertThat(cache.get("province", counting(runs, 800))).isEqualTo(1);
        assertThat(background.held).hasSize(1);
        background.runAll();
        assertThat(runs).hasValue(2);
        assertThat(cache.get("province", counting(runs, 800))).as("refreshed").isEqualTo(2);

        clock.advance(61_000); // beyond twice the lifetime: not served, computed again before answering
        assertThat(cache.get("province", counting(runs, 800))).isEqualTo(3);
        assertThat(background.held).isEmpty();
        assertThat(cache.maxLagSeconds()).isEqualTo(60);
    }

    @Test
    void keysAreKeptApart() {
        AtomicInteger a = new AtomicInteger(), b = new AtomicInteger(100);
        assertThat(cache.get(List.of("count", "province"), counting(a, 500))).isEqualTo(1);
        assertThat(cache.get(List.of("count", "city"), counting(b, 500))).isEqualTo(101);
        assertThat(cache.get(List.of("count", "province"), counting(a, 500))).isEqualTo(1);
    }

    @Test
    void aFailedComputationIsNotKept() {
        AtomicInteger runs = new AtomicInteger();
        try {
            cache.get("k", () -> {
                throw new IllegalStateException("database gone");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("database gone");
        }
        assertThat(cache.get("k", counting(runs, 500))).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentRequestsForTheSameTotalComputeItOnce() throws Exception {
        SummaryCache real = new SummaryCache(30, 0, Clock.systemUTC(), background);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService users = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(users.submit(() -> real.get("province", () -> {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return runs.incrementAndGet();
            })));
            started.await(10, TimeUnit.SECONDS);
            for (int i = 1; i < 50; i++) {
                answers.add(users.submit(() -> real.get("province", runs::incrementAndGet)));
            }
            release.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(runs).hasValue(1);
        } finally {
            users.shutdownNow();
        }
    }
}
