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
            OffsetDateTime createdAt, OffsetDateTime finishedAt) {
        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Executor executor;
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
    }

    /** Live progress of a running job: written by the import's thread, read by the polls. */
    private static final class Live implements ImportProgress {
        volatile Phase phase = Phase.READING;
        volatile long read;
        volatile long checked;
        volatile long applied;
        final CompletableFuture<Result> result = new CompletableFuture<>();

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
        long id = open(kind, fileName, owner);
        Live progress = live.get(id);
        executor.execute(() -> run(id, kind, progress, work));
        return id;
    }

    /**
     * Runs an import as a job of {@code owner} on the caller's own thread, for a caller that waits for the result
     * anyway: the job is recorded and its progress can be polled all the same.
     */
    public Result runHere(String kind, String fileName, String owner, Function<ImportProgress, Result> work) {
        long id = open(kind, fileName, owner);
        return run(id, kind, live.get(id), work);
    }

    private long open(String kind, String fileName, String owner) {
        long id = jdbc.sql("""
                INSERT INTO import_job (kind, file_name, owner, state, phase) VALUES (:kind, :file, :owner, 'RUNNING', 'READING')
                RETURNING id""").param("kind", kind).param("file", truncate(fileName, 200)).param("owner", owner)
                .query(Long.class).single();
        live.put(id, new Live());
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
        try {
            jdbc.sql("""
                    UPDATE import_job SET state = :state, phase = :phase, rows_read = :read, rows_checked = :checked,
                           rows_applied = :applied, status_code = :status, result = :result, message = :message,
                           finished_at = now()
                     WHERE id = :id""").param("id", id).param("state", ok ? "DONE" : "FAILED")
                    .param("phase", (ok ? ImportProgress.Phase.DONE : ImportProgress.Phase.FAILED).name())
                    .param("read", progress.read).param("checked", progress.checked).param("applied", progress.applied)
                    .param("status", result.status()).param("result", json.writeValueAsString(result.body()))
                    .param("message", truncate(result.message(), 2000)).update();
        } finally {
            if (result.attachment() != null) {
                attachments.put(id, result.attachment());
            }
            live.remove(id);
            progress.result.complete(result);
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

    /** The job if {@code owner} started it, with its live progress while it runs here. */
    public Optional<Job> find(long id, String owner) {
        return jdbc.sql("""
                SELECT id, kind, file_name, state, phase, rows_read, rows_checked, rows_applied, status_code, result,
                       message, created_at, finished_at
                  FROM import_job WHERE id = :id AND owner = :owner""").param("id", id).param("owner", owner)
                .query((rs, n) -> {
                    Live progress = live.get(rs.getLong("id"));
                    String result = rs.getString("result");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = result == null ? null : json.readValue(result, Map.class);
                    Integer status = (Integer) rs.getObject("status_code");
                    return new Job(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                            rs.getString("state"), progress != null ? progress.phase.name() : rs.getString("phase"),
                            progress != null ? progress.read : rs.getLong("rows_read"),
                            progress != null ? progress.checked : rs.getLong("rows_checked"),
                            progress != null ? progress.applied : rs.getLong("rows_applied"), status, body,
                            rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class),
                            rs.getObject("finished_at", OffsetDateTime.class));
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
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
