package org.wageguard.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.wageguard.identity.OperationLog;

/**
 * Writes rejected CSRF checks to the append-only operation log, at most {@link #PER_WINDOW} rows per client address
 * per minute: anyone can post without a token, and the log must not be filled by it. What is held back is counted
 * and written as one summary row when the address is next refused after its minute has passed. The refusal itself
 * (403) is unchanged. In memory, per instance; bounded to {@link #MAX_ADDRESSES} addresses at a time.
 */
@Component
class CsrfRejections {

    static final int PER_WINDOW = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 10_000;
    static final String ACTION = "CSRF_REJECTED";
    static final String SUPPRESSED = "CSRF_REJECTED_SUPPRESSED";

    private final OperationLog operationLog;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** One address's current minute: when it began, rows written, refusals not written. */
    private static final class Window {
        Instant start;
        int logged;
        int suppressed;

        Window(Instant start) {
            this.start = start;
        }
    }

    CsrfRejections(OperationLog operationLog, Clock clock) {
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** Logs one refusal of {@code request} (method and path) from {@code address}, unless its limit is reached. */
    void rejected(String address, String request) {
        String key = address == null ? "" : address;
        Instant now = clock.instant();
        int heldBack = 0;
        boolean log;
        if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(key)) {
            forgetExpired(now);
        }
        Window window = windows.size() >= MAX_ADDRESSES && !windows.containsKey(key) ? null
                : windows.computeIfAbsent(key, k -> new Window(now));
        if (window == null) {
            // Too many addresses at once (a spread-out flood): nothing more is written until their minutes pass.
            return;
        }
        synchronized (window) {
            if (!now.isBefore(window.start.plus(WINDOW))) {
                heldBack = window.suppressed;
                window.start = now;
                window.logged = 0;
                window.suppressed = 0;
            }
            log = window.logged < PER_WINDOW;
            if (log) {
                window.logged++;
            } else {
                window.suppressed++;
            }
        }
        if (heldBack > 0) {
            operationLog.recordOutcome(SUPPRESSED, "URL", null, "来自 " + key + " 的 CSRF 校验失败请求过多，上一分钟内另有 "
                    + heldBack + " 次被拒绝而未逐条记录", OperationLog.Result.DENIED);
        }
        if (log) {
            operationLog.recordOutcome(ACTION, "URL", null, request, OperationLog.Result.DENIED);
        }
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            Window w = it.next();
            synchronized (w) {
                if (!now.isBefore(w.start.plus(WINDOW)) && w.suppressed == 0) {
                    it.remove();
                }
            }
        }
    }
}
