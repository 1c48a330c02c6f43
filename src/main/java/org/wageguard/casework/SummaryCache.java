package org.wageguard.casework;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Totals over a large selection (the count and the money trail of the case list over a province's million cases)
 * kept for a few seconds per scope and filter, so that fifty officers paging through the same list do not each
 * sum a million rows. The pages say the figures may be that many seconds old. {@code 0} turns it off (the tests).
 */
@Component
class SummaryCache {

    private static final int MAX_ENTRIES = 2_000;

    private record Entry(Object value, long expiresAt) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final Clock clock;

    SummaryCache(@Value("${wageguard.casework.summary-cache-seconds:30}") long ttlSeconds, Clock clock) {
        this.ttlMillis = ttlSeconds * 1000;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
        if (ttlMillis <= 0) {
            return compute.get();
        }
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt() > now) {
            return (T) entry.value();
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(value, now + ttlMillis));
        return value;
    }

    long ttlSeconds() {
        return ttlMillis / 1000;
    }
}
