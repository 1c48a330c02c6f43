package org.wageguard.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;
import org.wageguard.shared.retention.RecordAnonymiser;
import org.wageguard.shared.retention.RetentionCutoffs;
import org.wageguard.shared.retention.RetentionKind;

/**
 * A retention run: for each kind, in the order of {@link RetentionKind} (attendance before the roster, whose workers
 * are anonymised only when their attendance is past its keeping too), the cut-offs of every region from its keeping,
 * then every module that keeps the kind anonymises its own records past them. Nothing is deleted; nothing is
 * anonymised before its legal minimum (the cut-off is never later than the minimum allows). The run and, per kind, its
 * cut-offs and how many records were anonymised are recorded and shown on the page, and in the operation log.
 */
@Service
public class RetentionRuns {

    /** A past run with what it did per kind. */
    public record Run(long id, LocalDate runOn, String kind, OffsetDateTime startedAt, String runBy, List<Item> items) {

        public int total() {
            return items.stream().mapToInt(Item::anonymised).sum();
        }
    }

    /** One kind in a run: its cut-offs as text and the records anonymised. */
    public record Item(RetentionKind kind, String cutoffs, int anonymised) {
    }

    private final JdbcClient jdbc;
    private final RetentionPolicies policies;
    private final List<RecordAnonymiser> anonymisers;
    private final OperationLog operationLog;
    private final Clock clock;

    RetentionRuns(JdbcClient jdbc, RetentionPolicies policies, List<RecordAnonymiser> anonymisers,
            OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.anonymisers = List.copyOf(anonymisers);
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** The modules that keep a kind. */
    List<RecordAnonymiser> keepers(RetentionKind kind) {
        return anonymisers.stream().filter(a -> a.kinds().contains(kind)).toList();
    }

    /** Runs retention as of {@code today}; {@code manual} when the administrator asked for it now. */
    @Transactional
    public Run run(LocalDate today, String by, boolean manual) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                INSERT INTO retention_run (run_on, kind, started_at, run_by) VALUES (:d, :k, :s, :by) RETURNING id
                """).param("d", Date.valueOf(today)).param("k", manual ? "MANUAL" : "NIGHTLY")
                .param("s", Timestamp.from(started.toInstant())).param("by", by).query(Long.class).single();
        List<Item> items = new ArrayList<>();
        for (RetentionKind kind : RetentionKind.values()) {
            RetentionCutoffs cutoffs = policies.cutoffs(kind, today);
            int anonymised = keepers(kind).stream().mapToInt(a -> a.anonymiseBefore(cutoffs)).sum();
            Item item = new Item(kind, describe(cutoffs), anonymised);
            jdbc.sql("INSERT INTO retention_run_item (run_id, kind, cutoffs, anonymised) VALUES (:r, :k, :c, :n)")
                    .param("r", id).param("k", kind.name()).param("c", item.cutoffs()).param("n", anonymised).update();
            items.add(item);
        }
        Run run = new Run(id, today, manual ? "MANUAL" : "NIGHTLY", started, by, items);
        operationLog.record("RETENTION_RUN", "retention_run", id, items.stream()
                .map(i -> i.kind().name() + " " + i.anonymised()).collect(Collectors.joining("，",
                        "截止 " + today + "：", "")));
        return run;
    }

    /** The cut-offs as the page shows them: "before 2023-12-03" or per region. */
    static String describe(RetentionCutoffs cutoffs) {
        Map<String, LocalDate> parts = new LinkedHashMap<>();
        cutoffs.regions().forEach(r -> parts.put(r.prefix(), r.cutoff()));
        String others = cutoffs.fallback().toString();
        if (parts.isEmpty() || parts.values().stream().allMatch(d -> d.equals(cutoffs.fallback()))) {
            return others;
        }
        return parts.entrySet().stream().map(e -> e.getKey() + "…：" + e.getValue())
                .collect(Collectors.joining("；")) + "；其他：" + others;
    }

    /** The newest runs first, with their items. */
    public List<Run> recent(int limit) {
        record RunRow(long id, LocalDate runOn, String kind, OffsetDateTime startedAt, String runBy) {
        }
        record ItemRow(long runId, String kind, String cutoffs, int anonymised) {
        }
        List<RunRow> runs = jdbc.sql("SELECT id, run_on, kind, started_at, run_by FROM retention_run"
                + " ORDER BY started_at DESC, id DESC LIMIT :n").param("n", limit).query(Rows.of(RunRow.class)).list();
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Item>> items = jdbc.sql("SELECT run_id, kind, cutoffs, anonymised FROM retention_run_item"
                + " WHERE run_id IN (:ids)").param("ids", runs.stream().map(RunRow::id).toList())
                .query(Rows.of(ItemRow.class)).list().stream()
                .collect(Collectors.groupingBy(ItemRow::runId, Collectors.mapping(
                        r -> new Item(RetentionKind.valueOf(r.kind()), r.cutoffs(), r.anonymised()),
                        Collectors.toList())));
        return runs.stream().map(r -> new Run(r.id(), r.runOn(), r.kind(), r.startedAt(), r.runBy(),
                items.getOrDefault(r.id(), List.of()).stream()
                        .sorted(java.util.Comparator.comparing(Item::kind)).toList())).toList();
    }
}
