package org.wageguard.shared;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once per run across every instance of the application: the guard of the nightly (and weekly) jobs. Several
 * instances behind a balancer each fire every {@code @Scheduled} job; the first to get there runs it, every other
 * firing for the same run — at the same moment or hours later — is skipped.
 * <p>
 * A run is a job's name and a run key (by default the day in China Standard Time: one run a night). In one
 * transaction: a PostgreSQL advisory lock on the job (taken without waiting: an instance running it right now makes
 * the others skip), then the row {@code scheduled_run (job, run_key)} (already there: the run was done, the firing is
 * skipped), then the work, which joins that transaction. A run that fails rolls back with its row, so a later firing
 * (on any instance) runs it again. Until the application is ready (the demo data loaded) a firing is skipped without
 * a trace. Runs asked for by an officer (supervise now, issue the ledgers now) do not go through here.
 */
@Component
public class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    /** First half of the two-part advisory lock key ("WRUN"); the second is the hash of the job's name. */
    private static final int LOCK_SPACE = 0x5752_554E;

    /** What became of a firing. */
    public enum Status {
        /** Run here, now. */
        RAN,
        /** This run was done already (by this or another instance). */
        ALREADY_RAN,
        /** Another instance is running this job right now. */
        RUNNING_ELSEWHERE,
        /** This instance is still starting. */
        NOT_READY,
        /** The work failed: nothing of it was kept, not even the run, so the next firing runs it. */
        FAILED
    }

    /** A firing's outcome: the job's own result when it ran here, and which instance ran it when known. */
    public record Run<T>(String job, String runKey, Status status, T result, String ranBy) {

        public boolean ran() {
            return status == Status.RAN;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String instance;
    private volatile boolean ready;

    @Autowired
    ScheduledRuns(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${wageguard.instance-name:}") String instance) {
        this(jdbc, transactions, clock, instance, false);
    }

    /** An instance of its own (the tests play two instances with two of these); {@code ready} as if started. */
    public ScheduledRuns(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, String instance,
            boolean ready) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.instance = instance == null || instance.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : instance.strip();
        this.ready = ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        ready = true;
    }

    /** This instance's name in {@code scheduled_run.instance} ({@code wageguard.instance-name}, else pid@host). */
    public String instance() {
        return instance;
    }

    /** Runs the job unless tonight's run of it was done or is being done elsewhere; logs what happened. */
    public <T> Run<T> nightly(String job, Supplier<T> work) {
        return once(job, LocalDate.now(clock).toString(), work);
    }

    /** Runs the job for this run key unless that run was done or is being done elsewhere; logs what happened. */
    public <T> Run<T> once(String job, String runKey, Supplier<T> work) {
        if (!ready) {
            log.info("Scheduled job {} ({}): skipped on {}, the application is still starting", job, runKey, instance);
            return new Run<>(job, runKey, Status.NOT_READY, null, null);
        }
        Run<T> run;
        try {
            run = claimAndRun(job, runKey, work);
        } catch (RuntimeException e) {
            log.error("Scheduled job {} ({}): failed on {}, not recorded; the next firing runs it", job, runKey,
                    instance, e);
            return new Run<>(job, runKey, Status.FAILED, null, null);
        }
        switch (run.status()) {
            case RAN -> log.info("Scheduled job {} ({}): ran on {}: {}", job, runKey, instance, run.result());
            case ALREADY_RAN -> log.info("Scheduled job {} ({}): skipped on {}, already run by {}", job, runKey,
                    instance, run.ranBy());
            default -> log.info("Scheduled job {} ({}): skipped on {}, running on another instance", job, runKey,
                    instance);
        }
        return run;
    }

    private <T> Run<T> claimAndRun(String job, String runKey, Supplier<T> work) {
        return transaction.execute(tx -> {
            boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:space, hashtext(:job))")
                    .param("space", LOCK_SPACE).param("job", job).query(Boolean.class).single();
            if (!locked) {
                return new Run<T>(job, runKey, Status.RUNNING_ELSEWHERE, null, null);
            }
            int claimed = jdbc.sql("""
                    INSERT INTO scheduled_run (job, run_key, instance, started_at) VALUES (:job, :key, :instance, :now)
                    ON CONFLICT (job, run_key) DO NOTHING
                    """).param("job", job).param("key", runKey).param("instance", instance)
                    .param("now", Timestamp.from(clock.instant())).update();
            if (claimed == 0) {
                return new Run<T>(job, runKey, Status.ALREADY_RAN, null, ranBy(job, runKey).orElse(null));
            }
            T result = work.get();
            String outcome = String.valueOf(result);
            jdbc.sql("UPDATE scheduled_run SET finished_at = :now, outcome = :outcome WHERE job = :job AND run_key = :key")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("outcome", outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
                    .param("job", job).param("key", runKey).update();
            return new Run<T>(job, runKey, Status.RAN, result, instance);
        });
    }

    private Optional<String> ranBy(String job, String runKey) {
        return jdbc.sql("SELECT instance FROM scheduled_run WHERE job = :job AND run_key = :key")
                .param("job", job).param("key", runKey).query(String.class).optional();
    }
}
