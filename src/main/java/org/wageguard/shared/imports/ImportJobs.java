package org.wageguard.shared.imports;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Service;
import org.wageguard.shared.SharedMessages;

import tools.jackson.databind.json.JsonMapper;

/**
 * Imports as jobs (issue 19): an import runs on a worker thread of its own, with its progress (phase; rows read,
 * checked, applied) kept live in memory and its result written to {@code import_job} when it ends, so that a page can
 * poll it after a reload and an API client can fetch it by URL. A caller waits for the result as long as it likes —
 * a second for the page, for ever for {@code ?wait=true} — and otherwise answers with the job. At start-up, a job left
 * running by a stopped server is marked failed: its import's transaction went down with the server, so nothing of
 * it was applied.
 * <p>
 * What derives from an import (reconciliation and early warning, {@link ImportProgress#later}) is the job's later
 * phase: a job answers at its commit ({@code state} DONE, {@code phase} RECONCILING) and its findings follow on one
 * thread of their own, one import's after another's, until {@code findings_ready_at} is set. {@link #runHere} is for
 * the callers that want the findings in the answer, as before.
 */
@Service
public class ImportJobs {

    /** What a finished import answers: the HTTP status and the body the API sends (the page shows its message). */
    public record Result(int status, Map<String, Object> body, Object attachment) {
        public Result(int status, Map<String, Object> body) {
            this(status, body, null);
        }

        public String message() {
            return body.get("message") == null ? null : String.valueOf(body.get("message"));
        }
    }

    /** A job as its owner sees it. */
    public record Job(long id, String kind, String fileName, String state, String phase, long rowsRead,
            long rowsChecked, long rowsApplied, Integer status, Map<String, Object> result, String message,
            OffsetDateTime createdAt, OffsetDateTime finishedAt, OffsetDateTime findingsReadyAt) {
        public boolean running() {
            return "RUNNING".equals(state);
        }

        /** Applied and answered; its reconciliation and early warning are still running (对账/预警). */
        public boolean findingsPending() {
            return "DONE".equals(state) && ImportProgress.Phase.RECONCILING.name().equals(phase);
        }

        /** Nothing more to come: the import's result, and its findings if it had any. */
        public boolean settled() {
            return !running() && !findingsPending();
        }
    }

    /** A job run on the caller's thread up to its commit: its id and its answer. */
    public record Answered(long id, Result result) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Executor executor;
    /** One thread: the findings of one import after another's, never two reconciliations of a month at once. */
    private final Executor findingsExecutor;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Map<Long, Object> attachments = new ConcurrentHashMap<>();

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(2);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(1000);
        pool.setThreadNamePrefix("import-");
        pool.initialize();
        this.executor = new DelegatingSecurityContextExecutor(pool);
        ThreadPoolTaskExecutor findings = new ThreadPoolTaskExecutor();
        findings.setCorePoolSize(1);
        findings.setMaxPoolSize(1);
        findings.setThreadNamePrefix("import-findings-");
        findings.initialize();
        this.findingsExecutor = new DelegatingSecurityContextExecutor(findings);
    }

    /** Live progress of a running job: written by the import's thread, read by the polls. */
    private static final class Live implements ImportProgress {
        volatile Phase phase = Phase.READING;
        volatile long read;
        volatile long checked;
        volatile long applied;
        final CompletableFuture<Result> result = new CompletableFuture<>();
        final CompletableFuture<Result> findings = new CompletableFuture<>();
        final boolean deferring;
        final java.util.List<Runnable> later = new java.util.concurrent.CopyOnWriteArrayList<>();

        Live(boolean deferring) {
            this.deferring = deferring;
        }

        @Override
        public boolean later(Runnable afterCommit) {
            if (deferring) {
                later.add(afterCommit);
            }
            return deferring;
        }

        @Override
        public void phase(Phase phase) {
            this.phase = phase;
        }

        @Override
        public void read(long rowsSoFar) {
            read = rowsSoFar;
        }

        @Override
        public void checked(long rows) {
            checked = rows;
        }

        @Override
        public void applied(long rows) {
            applied = rows;
        }
    }

    /** Starts an import as a job of {@code owner}; {@code work} runs on a job thread with the caller's security context. */
    public long start(String kind, String fileName, String owner, Function<ImportProgress, Result> work) {
        long id = open(kind, fileName, owner, true);
        Live progress = live.get(id);
        executor.execute(() -> run(id, kind, progress, work));
        return id;
    }

    /**
     * Runs an import as a job of {@code owner} on the caller's own thread, for a caller that waits for the result
     * anyway: the job is recorded and its progress can be polled all the same.
     */
    public Result runHere(String kind, String fileName, String owner, Function<ImportProgress, Result> work) {
        long id = open(kind, fileName, owner, false);
        return run(id, kind, live.get(id), work);
    }

    /**
     * Runs an import as a job of {@code owner} on the caller's thread until its commit and answers then; its
     * reconciliation and early warning follow as the job's later phase ({@link #awaitFindings}).
     */
    public Answered runToCommit(String kind, String fileName, String owner, Function<ImportProgress, Result> work) {
        long id = open(kind, fileName, owner, true);
        return new Answered(id, run(id, kind, live.get(id), work));
    }

    private long open(String kind, String fileName, String owner, boolean deferring) {
        long id = jdbc.sql("""
                INSERT INTO import_job (kind, file_name, owner, state, phase) VALUES (:kind, :file, :owner, 'RUNNING', 'READING')
                RETURNING id""").param("kind", kind).param("file", truncate(fileName, 200)).param("owner", owner)
                .query(Long.class).single();
        live.put(id, new Live(deferring));
        return id;
    }

    private Result run(long id, String kind, Live progress, Function<ImportProgress, Result> work) {
        Result result;
        try {
            result = work.apply(progress);
        } catch (RuntimeException | Error e) {
            log.error("import job {} failed", id, e);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("applied", false);
            body.put("message", SharedMessages.chinese("shared.import.job.failed"));
            result = new Result(500, body);
        }
        finish(id, progress, result);
        return result;
    }

    private void finish(long id, Live progress, Result result) {
        boolean ok = result.status() < 500;
        boolean findingsToFollow = ok && !progress.later.isEmpty();
        ImportProgress.Phase phase = !ok ? ImportProgress.Phase.FAILED
                : findingsToFollow ? ImportProgress.Phase.RECONCILING : ImportProgress.Phase.DONE;
        try {
            jdbc.sql("""
                    UPDATE import_job SET state = :state, phase = :phase, rows_read = :read, rows_checked = :checked,
                           rows_applied = :applied, status_code = :status, result = :result, message = :message,
                           finished_at = now(), findings_ready_at = CASE WHEN :ready THEN now() END
                     WHERE id = :id""").param("id", id).param("state", ok ? "DONE" : "FAILED")
                    .param("phase", phase.name())
                    .param("read", progress.read).param("checked", progress.checked).param("applied", progress.applied)
                    .param("status", result.status()).param("result", json.writeValueAsString(result.body()))
                    .param("message", truncate(result.message(), 2000)).param("ready", ok && !findingsToFollow)
                    .update();
        } finally {
            if (result.attachment() != null) {
                attachments.put(id, result.attachment());
            }
            if (findingsToFollow) {
                progress.phase(phase);
                findingsExecutor.execute(() -> findings(id, progress, result));
            } else {
                live.remove(id);
                progress.findings.complete(result);
            }
            progress.result.complete(result);
        }
    }

    /** The job's later phase: reconciliation and early warning of what the import changed, then "findings ready". */
    private void findings(long id, Live progress, Result result) {
        ImportProgress.Phase phase = ImportProgress.Phase.DONE;
        try {
            progress.later.forEach(Runnable::run);
        } catch (RuntimeException | Error e) {
            log.error("import job {}: applied, but its reconciliation or early warning failed", id, e);
            phase = ImportProgress.Phase.FINDINGS_FAILED;
        }
        try {
            jdbc.sql("""
                    UPDATE import_job SET phase = :phase,
                           findings_ready_at = CASE WHEN :ready THEN now() END WHERE id = :id""")
                    .param("id", id).param("phase", phase.name()).param("ready", phase == ImportProgress.Phase.DONE)
                    .update();
        } finally {
            live.remove(id);
            progress.findings.complete(result);
        }
    }

    /**
     * Waits up to {@code max} for the job's result; empty when it is still running then (or ran on another instance).
     */
    public Optional<Result> await(long id, Duration max) {
        Live progress = live.get(id);
        if (progress == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(max == null ? progress.result.get() : progress.result.get(max.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits up to {@code max} (null: for ever) for the job's findings (its reconciliation and early warning after the
     * commit); true when they are ready or the job is not running here.
     */
    public boolean awaitFindings(long id, Duration max) {
        Live progress = live.get(id);
        if (progress == null) {
            return true;
        }
        try {
            if (max == null) {
                progress.findings.get();
            } else {
                progress.findings.get(max.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The job if {@code owner} started it, with its live progress while it runs here. */
    public Optional<Job> find(long id, String owner) {
        return jdbc.sql("""
                SELECT id, kind, file_name, state, phase, rows_read, rows_checked, rows_applied, status_code, result,
                       message, created_at, finished_at, findings_ready_at
                  FROM import_job WHERE id = :id AND owner = :owner""").param("id", id).param("owner", owner)
                .query((rs, n) -> {
                    Live progress = live.get(rs.getLong("id"));
                    String result = rs.getString("result");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = result == null ? null : json.readValue(result, Map.class);
                    Integer status = (Integer) rs.getObject("status_code");
                    return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                            rs.getString("state"), progress != null && "RUNNING".equals(rs.getString("state"))
                                    ? progress.phase.name() : rs.getString("phase"),
                            progress != null ? progress.read : rs.getLong("rows_read"),
                            progress != null ? progress.checked : rs.getLong("rows_checked"),
                            progress != null ? progress.applied : rs.getLong("rows_applied"), status, body,
                            rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class),
                            rs.getObject("finished_at", OffsetDateTime.class),
                            rs.getObject("findings_ready_at", OffsetDateTime.class));
                }).optional();
    }

    /** What the job's work left for its owner's next request (e.g. the complete problem list), taken once. */
    public Optional<Object> takeAttachment(long id) {
        return Optional.ofNullable(attachments.remove(id));
    }

    /** A server that stopped took its running imports' transactions with it: nothing of them was applied. */
    @EventListener(ApplicationReadyEvent.class)
    public void failLeftovers() {
        int failed = jdbc.sql("""
                UPDATE import_job SET state = 'FAILED', phase = 'FAILED', status_code = 500, message = :message,
                       finished_at = now()
                 WHERE state = 'RUNNING' AND id NOT IN (:live)""")
                .param("message", SharedMessages.chinese("shared.import.job.interrupted"))
                .param("live", live.isEmpty() ? java.util.List.of(-1L) : java.util.List.copyOf(live.keySet())).update();
        if (failed > 0) {
            log.warn("{} import job(s) left running by a stopped server marked failed; nothing of them was applied", failed);
        }
        int unreconciled = jdbc.sql("""
                UPDATE import_job SET phase = 'FINDINGS_FAILED'
                 WHERE state = 'DONE' AND phase = 'RECONCILING' AND id NOT IN (:live)""")
                .param("live", live.isEmpty() ? java.util.List.of(-1L) : java.util.List.copyOf(live.keySet())).update();
        if (unreconciled > 0) {
            log.warn("{} applied import job(s) were being reconciled when the server stopped; their findings were not "
                    + "refreshed", unreconciled);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
