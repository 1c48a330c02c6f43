package org.wageguard.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.shared.Rows;
import org.wageguard.shared.SharedMessages;
import org.wageguard.shared.WorkingDayCalendar;
import org.wageguard.shared.retention.ErasureSubject;
import org.wageguard.shared.retention.RecordAnonymiser;
import org.wageguard.shared.retention.RetentionKind;

/**
 * A worker's request to delete their personal data (《个人信息保护法》第四十七条), from the portal (verified as the
 * portal verifies a worker) or recorded by an officer on the worker's behalf. It is answered when recorded, and at
 * the latest by its due date (the region's term in working days from the day it was received; the PIPL fixes no
 * number of days, so the term is a regional decision, 15 working days by default):
 * <ul>
 * <li>refused, nothing changed, when any of the worker's records is still within the legal minimum of its kind — the
 * answer names each such kind, the article that requires keeping it and the day its keeping ends (第四十七条第二款:
 * while a legal keeping runs, the data is only stored and protected; 第五十条: a refusal states its reasons);</li>
 * <li>otherwise carried out: every module anonymises the worker's records of every kind, figures kept.</li>
 * </ul>
 */
@Service
public class ErasureRequests {

    public enum Channel { PORTAL, OFFICER }

    public enum Status { PENDING, CARRIED_OUT, REFUSED }

    /** A request with its answer. */
    public record Request(long id, long workerId, String regionCode, Channel channel, LocalDate receivedOn,
            LocalDate dueOn, String recordedBy, Status status, LocalDate answeredOn, String answeredBy, String answer,
            Integer anonymised) {

        public boolean answeredInTime() {
            return answeredOn != null && !answeredOn.isAfter(dueOn);
        }
    }

    /** A kind the law still requires keeping for this worker, and until when. */
    public record Kept(RetentionKind kind, LocalDate until) {
    }

    private static final String COLUMNS = "id, worker_id, region_code, channel, received_on, due_on, recorded_by, status,"
            + " answered_on, answered_by, answer, anonymised";

    private final JdbcClient jdbc;
    private final RetentionPolicies policies;
    private final RetentionRuns runs;
    private final WorkingDayCalendar calendar;
    private final OperationLog operationLog;
    private final Clock clock;

    ErasureRequests(JdbcClient jdbc, RetentionPolicies policies, RetentionRuns runs, WorkingDayCalendar calendar,
            OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.runs = runs;
        this.calendar = calendar;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /**
     * Records the worker's request received on {@code receivedOn} and answers it.
     *
     * @param regionCode the region answering (the officer's); null: the region of the worker's latest project
     * @throws RetentionException the worker's data was anonymised already, or the date is in the future
     */
    @Transactional
    public Request file(long workerId, String regionCode, Channel channel, LocalDate receivedOn, String by) {
        LocalDate today = LocalDate.now(clock);
        if (receivedOn.isAfter(today)) {
            throw new RetentionException(SharedMessages.chinese(RetentionPolicies.BUNDLE, "erasure.futureDate"));
        }
        String hash = jdbc.sql("SELECT id_number_hash FROM published_worker WHERE id = :w AND id_number_cipher <> ''")
                .param("w", workerId).query(String.class).optional()
                .orElseThrow(() -> new RetentionException(
                        SharedMessages.chinese(RetentionPolicies.BUNDLE, "erasure.alreadyAnonymised")));
        String region = regionCode != null ? regionCode : regionOf(workerId);
        LocalDate due = calendar.plus(receivedOn, policies.answerDays(region));
        ErasureSubject person = new ErasureSubject(workerId, hash);
        List<Kept> kept = kept(person, today);
        Status status;
        String answer;
        int anonymised = 0;
        if (!kept.isEmpty()) {
            status = Status.REFUSED;
            answer = SharedMessages.chinese(RetentionPolicies.BUNDLE, "erasure.refused", kept.stream()
                    .map(k -> SharedMessages.chinese(RetentionPolicies.BUNDLE, "erasure.keptKind",
                            text("retention.kind." + k.kind().name()), text("retention.kind." + k.kind().name() + ".article"),
                            k.until().toString()))
                    .collect(Collectors.joining("；")));
        } else {
            for (RetentionKind kind : RetentionKind.values()) {
                for (RecordAnonymiser a : runs.keepers(kind)) {
                    anonymised += a.anonymise(kind, person);
                }
            }
            status = Status.CARRIED_OUT;
            answer = SharedMessages.chinese(RetentionPolicies.BUNDLE, "erasure.carriedOut", anonymised);
        }
        long id = jdbc.sql("""
                INSERT INTO erasure_request (worker_id, region_code, channel, received_on, due_on, recorded_at, recorded_by,
                                             status, answered_on, answered_by, answer, anonymised)
                VALUES (:w, :r, :c, :received, :due, :now, :by, :s, :today, :by, :a, :n) RETURNING id
                """).param("w", workerId).param("r", region).param("c", channel.name())
                .param("received", Date.valueOf(receivedOn)).param("due", Date.valueOf(due))
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("s", status.name())
                .param("today", Date.valueOf(today)).param("a", answer).param("n", anonymised)
                .query(Long.class).single();
        operationLog.record("ERASURE_REQUEST", "worker", workerId,
                (channel == Channel.PORTAL ? "劳动者在门户申请" : "代劳动者登记") + "删除个人信息："
                        + (status == Status.REFUSED ? "不予删除" : "已匿名化 " + anonymised + " 条"));
        return find(id).orElseThrow();
    }

    /** The kinds the law still requires keeping for the person on {@code today}, with the end of each keeping. */
    public List<Kept> kept(ErasureSubject person, LocalDate today) {
        List<Kept> kept = new ArrayList<>();
        for (RetentionKind kind : RetentionKind.values()) {
            if (kind.legalMinimumMonths() == 0) {
                continue;
            }
            runs.keepers(kind).stream().map(a -> a.latestOf(kind, person)).flatMap(Optional::stream)
                    .max(LocalDate::compareTo)
                    .map(latest -> latest.plusMonths(kind.legalMinimumMonths()))
                    .filter(until -> until.isAfter(today))
                    .ifPresent(until -> kept.add(new Kept(kind, until)));
        }
        return kept;
    }

    /** The region of the worker's latest roster row's project (the installation's top region when none). */
    String regionOf(long workerId) {
        return jdbc.sql("""
                SELECT p.region_code FROM published_employment e JOIN published_project p ON p.id = e.project_id
                 WHERE e.worker_id = :w ORDER BY e.entry_date DESC, e.id DESC LIMIT 1
                """).param("w", workerId).query(String.class).optional()
                .orElseGet(() -> jdbc.sql("SELECT code FROM region ORDER BY length(code), code LIMIT 1")
                        .query(String.class).single());
    }

    public Optional<Request> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE id = :id").param("id", id)
                .query(Rows.of(Request.class)).optional();
    }

    /** The worker's own requests, newest first (the portal shows them to the verified worker). */
    public List<Request> ofWorker(long workerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE worker_id = :w ORDER BY id DESC")
                .param("w", workerId).query(Rows.of(Request.class)).list();
    }

    /** The requests of the regions in scope, newest first. */
    public List<Request> inScope(DataScope scope, int limit) {
        ScopePredicate p = scope.predicate(new ScopeColumns("region_code", null, null, null, null));
        return jdbc.sql("SELECT " + COLUMNS + " FROM erasure_request WHERE " + p.sql() + " ORDER BY id DESC LIMIT :n")
                .params(p.parameters()).param("n", limit).query(Rows.of(Request.class)).list();
    }

    private static String text(String key) {
        return SharedMessages.chinese(RetentionPolicies.BUNDLE, key);
    }
}
