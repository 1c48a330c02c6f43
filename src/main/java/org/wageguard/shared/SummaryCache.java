package org.wageguard.shared;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Totals over a large selection (the count and money trail of the case list, the dashboard's figures, over a
 * province's million cases)
 * kept per scope and filter, so that fifty officers paging through the same list do not each sum a million rows.
 * <ul>
 * <li>Only what was expensive is kept: a total that took less than {@code cheap} milliseconds to compute (a county's
 * cases) is computed again on every request and so is always exact.</li>
 * <li>One computation per key at a time: whoever asks while it runs waits for that one result.</li>
 * <li>A kept total is fresh for {@code ttl}; up to twice that old it is still served while one background
 * refresh runs; older than that it is computed again before answering. So a figure is never more than
 * {@code 2 × ttl} (plus one computation) behind, which the pages say.</li>
 * </ul>
 * {@code ttl = 0} turns it off (the tests).
 */
@Component
public class SummaryCache {

    private static final Logger log = LoggerFactory.getLogger(SummaryCache.class);
    private static final int MAX_ENTRIES = 2_000;

    private record Entry(Object value, long computedAt) {
    }

    private final Map<Object, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> refreshing = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final long cheapMillis;
    private final Clock clock;
    private final ExecutorService refresher;

    @Autowired
    SummaryCache(@Value("${wageguard.summary-cache-seconds:30}") long ttlSeconds,
            @Value("${wageguard.summary-cache-cheap-millis:50}") long cheapMillis, Clock clock) {
        this(ttlSeconds, cheapMillis, clock, Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "summary-refresh");
            t.setDaemon(true);
            return t;
        }));
    }

    SummaryCache(long ttlSeconds, long cheapMillis, Clock clock, ExecutorService refresher) {
        this.ttlMillis = ttlSeconds * 1000;
        this.cheapMillis = cheapMillis;
        this.clock = clock;
        this.refresher = refresher;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        if (ttlMillis <= 0) {
            return compute.get();
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> existing = entries.putIfAbsent(key, mine);
        if (existing == null) {
            return (T) computeInto(key, mine, compute).value();
        }
        Entry entry;
        try {
            entry = existing.join();
        } catch (RuntimeException e) {
            // The computation this request waited for failed (and was removed): compute once more, for this request.
            return compute.get();
        }
        long age = clock.millis() - entry.computedAt();
        if (age <= ttlMillis) {
            return (T) entry.value();
        }
        if (age <= 2 * ttlMillis) {
            if (refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
                refresher.execute(() -> {
                    try {
                        T value = compute.get();
                        entries.put(key, CompletableFuture.completedFuture(new Entry(value, clock.millis())));
                    } catch (RuntimeException e) {
                        log.warn("Refreshing a total failed; the previous one is served until it expires", e);
                    } finally {
                        refreshing.remove(key);
                    }
                });
            }
            return (T) entry.value();
        }
        // Too old to serve: the first to notice computes, the others wait for it.
        CompletableFuture<Entry> again = new CompletableFuture<>();
        if (entries.replace(key, existing, again)) {
            return (T) computeInto(key, again, compute).value();
        }
        return get(key, compute);
    }

    private Entry computeInto(Object key, CompletableFuture<Entry> future, Supplier<?> compute) {
        long started = clock.millis();
        Entry entry;
        try {
            Object value = compute.get();
            entry = new Entry(value, clock.millis());
        } catch (RuntimeException e) {
            entries.remove(key, future);
            future.completeExceptionally(e);
            throw e;
        }
        future.complete(entry);
        if (entry.computedAt() - started < cheapMillis) {
            entries.remove(key, future);
        } else if (entries.size() > MAX_ENTRIES) {
            entries.clear();
        }
        return entry;
    }

    /** The most a served total may lag behind, in seconds (0: never). */
    public long maxLagSeconds() {
        return 2 * ttlMillis / 1000;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
