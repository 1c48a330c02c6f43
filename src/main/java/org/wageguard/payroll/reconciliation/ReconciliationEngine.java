package org.wageguard.payroll.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reconciles one data set under the 15 rules of FORMATS.md. Stateless between runs and safe to share; a run
 * reads all four tables before it reports a single finding, so that unreadable input yields no findings at all.
 */
public final class ReconciliationEngine {

    /** Below this size an attendance file is read in one piece: threads would cost more than they save. */
    private static final long PARALLEL_THRESHOLD = 8L << 20;

    private final ReconciliationParameters parameters;
    private final int threads;
    private final long parallelThreshold;

    public ReconciliationEngine() {
        this(ReconciliationParameters.defaults());
    }

    public ReconciliationEngine(ReconciliationParameters parameters) {
        this(parameters, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many threads may read a large attendance file (1 reads everything in the caller) */
    public ReconciliationEngine(ReconciliationParameters parameters, int threads) {
        this(parameters, threads, PARALLEL_THRESHOLD);
    }

    /** Lets tests read small files in parallel. */
    ReconciliationEngine(ReconciliationParameters parameters, int threads, long parallelThreshold) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.threads = Math.max(1, Math.min(threads, 16));
        this.parallelThreshold = parallelThreshold;
    }

    /**
     * Reconciles, handing each finding to {@code sink} as it is found (in no guaranteed order).
     *
     * @return how many findings each rule gave
     * @throws UnreadableInputException when the input cannot be read; {@code sink} has then received nothing
     */
    public FindingCounts reconcile(ReconciliationInput input, Consumer<? super Finding> sink) {
        Loader loader = new Loader(threads, parallelThreshold);
        loader.load(input);
        Ledger ledger = new Ledger(loader);
        FindingCounts counts = new FindingCounts();
        ledger.reconcile(parameters, finding -> {
            counts.add(finding.rule());
            sink.accept(finding);
        });
        return counts;
    }

    /** Reconciles into a list, for data sets that fit in memory with their findings. */
    public List<Finding> reconcile(ReconciliationInput input) {
        List<Finding> findings = new ArrayList<>();
        reconcile(input, findings::add);
        return findings;
    }
}
