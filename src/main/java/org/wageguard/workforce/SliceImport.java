package org.wageguard.workforce;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.AdvisoryLocks;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.ImportConflictException;
import org.wageguard.shared.imports.ImportProblems;
import org.wageguard.shared.imports.ImportProgress;
import org.wageguard.shared.imports.ImportPipeline;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.imports.StagingCopy;
import org.wageguard.shared.imports.TabularFile;

/**
 * The one shape of the slice imports of FORMATS.md's files (attendance, pay sheet, disbursements), streamed:
 * <ol>
 * <li>the file is read as a stream and every row checked as it is read (the Chinese problems: row, column, reason);
 *     good rows go straight into a temporary staging table by {@code COPY} — no row is kept in memory;</li>
 * <li>the checks that need the database run set-wise in SQL over the staged rows;</li>
 * <li>if any row is bad the file is refused whole (unless the sender asked for the good rows only);</li>
 * <li>rows with equal keys in one slice are reduced to the later one (FORMATS.md), and each project (and month) of
 *     the file becomes a new version that supersedes the earlier one — or nothing at all when its content is what
 *     is already current — and its rows are written with one {@code INSERT ... SELECT} from the staging table.</li>
 * </ol>
 * All of it runs in one transaction, so a crash or a bad row leaves nothing half written. What derives from the data
 * (reconciliation) runs after the commit, in {@link #changed}.
 *
 * @param <R> a checked row
 */
public abstract class SliceImport<R extends SliceImport.Parsed> {

    /** A row that passed its checks. */
    public interface Parsed {
        long projectId();

        /** The slice's month. */
        YearMonth month();

        /** Everything the row says, normalised, for the slice's fingerprint. */
        String canonical();
    }

    /** Checks one row after another; may keep state across the rows of one file. */
    public interface RowParser<R> {
        R parse(Row row, List<Problem> problems);
    }

    /** The staging table every slice import writes into; its rows reduced to one per key go to {@link #ROWS}. */
    protected static final String STAGE = "import_stage";
    /** The staged rows, one per key and slice (the later row of equal keys), that the apply step reads. */
    protected static final String ROWS = "import_rows";
    /** The slices being written, with their new version: {@code project_id, month, version_id}. */
    protected static final String SLICES = "import_slice";

    private static final String COMMON_COLUMNS = "row_no BIGINT NOT NULL, project_id BIGINT NOT NULL, month DATE NOT NULL, "
            + "fp BIGINT NOT NULL";
    /** The column every slice file has; a new value means a lookup of the project. */
    private static final String PROJECT_CODE = "project_code";
    private static final long LOCK_SPACE = 0x5747_0000_0000_0000L;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SliceImport.class);

    private final DataImports dataImports;
    private final OperationLog operationLog;
    private final ImportPipeline pipeline;
    protected final JdbcClient jdbc;

    protected SliceImport(DataImports dataImports, OperationLog operationLog, ImportPipeline pipeline, JdbcClient jdbc) {
        this.dataImports = dataImports;
        this.operationLog = operationLog;
        this.pipeline = pipeline;
        this.jdbc = jdbc;
    }

    protected abstract ImportKind kind();

    protected abstract List<Column> columns();

    protected abstract RowParser<R> parser(OfficerPrincipal officer);

    /** The kind's staging columns after the common ones ({@code row_no, project_id, month, fp}). */
    protected abstract String stagingColumns();

    /** A checked row's values for {@link #stagingColumns()}, in order. */
    protected abstract Object[] stagingValues(R row);

    /** The staging columns that, with project and month, make a row's key (a later row replaces an earlier one). */
    protected abstract String keyColumns();

    /**
     * The checks that need the database, over every staged row at once: adds the problems and deletes the bad rows
     * from {@link #STAGE}. None by default.
     */
    protected void checkStaged(ImportProblems problems, OfficerPrincipal officer) {
    }

    /**
     * Before equal keys are reduced, once the file is accepted: the staged rows of {@link #STAGE} are all there (e.g.
     * register the workers first seen in the file). Nothing by default.
     */
    protected void beforeReduce(OfficerPrincipal officer) {
    }

    /** Marks the rows of a version not current: a corrected file replaced it. */
    protected abstract void supersede(long versionId);

    /**
     * The rows one {@link #write} may take at most (whole slices; a larger slice goes alone). Unlimited by default:
     * one statement for the whole file, for the kinds whose write reads across the file's slices.
     */
    protected long writeChunkRows() {
        return Long.MAX_VALUE;
    }

    /** Writes the rows of {@link #ROWS} whose slice is in {@link #SLICES}; returns the rows written. */
    protected abstract long write(OfficerPrincipal officer);

    /** After the import committed: tell whoever derives data from the changed months. */
    protected abstract void changed(long projectId, Set<YearMonth> months);

    private record Slice(long projectId, YearMonth month) {
    }

    private record Applied(ImportOutcome outcome, Map<Long, Set<YearMonth>> changed) {
    }

    /** Imports a file in its own transaction, then reconciles the changed months. Not inside a transaction. */
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        return importFile(fileName, in, goodRowsOnly, officer, ImportProgress.NONE);
    }

    /**
     * Runs the import in its own transaction and, after the commit, {@link #changed}; tells {@code progress} as it goes.
     * Not inside a transaction.
     *
     * @throws ImportConflictException when another import of one of the file's slices is being applied
     */
    public ImportOutcome importFile(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
            ImportProgress progress) {
        long start = System.nanoTime();
        Applied applied;
        try {
            applied = pipeline.inTransaction(() -> apply(fileName, in, goodRowsOnly, officer, progress));
        } catch (DuplicateKeyException e) {
            // Another import of the same slice committed its version between our check and our write.
            throw new ImportConflictException(conflictMessage(), e);
        }
        long committed = System.nanoTime();
        List<String> reconciled = new ArrayList<>();
        applied.changed().forEach((project, months) -> months.forEach(m -> reconciled.add(project + ":" + m)));
        boolean later = false;
        if (!applied.changed().isEmpty()) {
            // Reconciliation and early warning: as the job's later phase when the caller answers at the commit.
            Runnable derive = () -> {
                long t = System.nanoTime();
                applied.changed().forEach(this::changed);
                log.info("{} import {}: reconciled {} project-month(s) and evaluated early warning in {} ms", kind(),
                        fileName, reconciled.size(), (System.nanoTime() - t) / 1_000_000);
            };
            later = progress.later(derive);
            if (!later) {
                progress.phase(ImportProgress.Phase.RECONCILING);
                derive.run();
            }
        }
        log.info("{} import {}: {} rows written, {} problems; committed after {} ms{}", kind(), fileName,
                applied.outcome().rows(), applied.outcome().problemCount(), (committed - start) / 1_000_000,
                later ? ", findings of " + reconciled.size() + " project-month(s) to follow" : "");
        return applied.outcome().withReconciled(reconciled, later);
    }

    private String conflictMessage() {
        return org.wageguard.shared.SharedMessages.chinese("messages/workforce", "workforce.import.concurrent",
                org.wageguard.shared.SharedMessages.chinese("messages/workforce",
                        "workforce.import.kind." + kind().name()));
    }

    private Applied apply(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer,
            ImportProgress progress) {
        long started = System.nanoTime();
        ImportProblems problems = new ImportProblems();
        progress.phase(ImportProgress.Phase.READING);
        jdbc.sql("SET LOCAL work_mem = '128MB'").update();
        try (StagingCopy copy = pipeline.staging(STAGE, COMMON_COLUMNS + ", " + stagingColumns())) {
            RowParser<R> parser = parser(officer);
            List<Problem> rowProblems = new ArrayList<>();
            long[] rows = {0};
            Set<String> projectCodes = new HashSet<>();
            TabularFile.stream(fileName, in, columns(), pipeline.limits(kind().name()), row -> {
                rowProblems.clear();
                String code = row.get(PROJECT_CODE);
                if (code != null && projectCodes.add(code)) {
                    // A project not seen yet is looked up (scope, the bank's account): the COPY must let go first.
                    copy.pause();
                }
                R parsed = parser.parse(row, rowProblems);
                if (!rowProblems.isEmpty()) {
                    problems.addAll(rowProblems);
                } else if (parsed != null) {
                    Object[] own = stagingValues(parsed);
                    Object[] values = new Object[4 + own.length];
                    values[0] = row.number();
                    values[1] = parsed.projectId();
                    values[2] = parsed.month().atDay(1);
                    values[3] = hash64(parsed.canonical());
                    System.arraycopy(own, 0, values, 4, own.length);
                    copy.row(values);
                }
                progress.read(++rows[0]);
            });
            copy.finish();
        }
        long read = System.nanoTime();
        progress.phase(ImportProgress.Phase.CHECKING);
        checkStaged(problems, officer);
        if (!problems.isEmpty() && !goodRowsOnly) {
            operationLog.record(kind().name() + "_IMPORT", "data_import", null, "导入被拒绝：" + fileName + "，错误 "
                    + problems.count() + " 处");
            return new Applied(ImportOutcome.refused(problems), Map.of());
        }
        // Every slice of the file is ours until the commit, before anything is written (workers included), or the
        // file waits for nothing: another import of one of them is being applied, and this one is refused whole.
        for (Slice slice : jdbc.sql("SELECT DISTINCT project_id, month FROM " + STAGE + " ORDER BY 1, 2")
                .query((rs, n) -> new Slice(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()))).list()) {
            if (!AdvisoryLocks.tryLockForTransaction(jdbc, lockKey(slice))) {
                throw new ImportConflictException(conflictMessage());
            }
        }
        beforeReduce(officer);
        // One row per key and slice: the later row of equal keys (FORMATS.md).
        jdbc.sql("DROP TABLE IF EXISTS " + ROWS).update();
        jdbc.sql("CREATE TEMP TABLE " + ROWS + " ON COMMIT DROP AS SELECT DISTINCT ON (project_id, month, "
                + keyColumns() + ") * FROM " + STAGE + " ORDER BY project_id, month, " + keyColumns()
                + ", row_no DESC").update();
        jdbc.sql("DROP TABLE " + STAGE).update();
        jdbc.sql("ANALYZE " + ROWS).update();
        record Fingerprint(Slice slice, long rows, String hash) {
        }
        List<Fingerprint> fingerprints = jdbc.sql("SELECT project_id, month, count(*), sum(fp) FROM " + ROWS
                + " GROUP BY project_id, month ORDER BY project_id, month")
                .query((rs, n) -> new Fingerprint(new Slice(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate())),
                        rs.getLong(3), sha256("slice:" + rs.getLong(3) + ":" + rs.getBigDecimal(4).toPlainString())))
                .list();
        progress.checked(fingerprints.stream().mapToLong(Fingerprint::rows).sum());
        long checked = System.nanoTime();
        progress.phase(ImportProgress.Phase.APPLYING);
        jdbc.sql("DROP TABLE IF EXISTS " + SLICES).update();
        jdbc.sql("CREATE TEMP TABLE " + SLICES + " (project_id BIGINT NOT NULL, month DATE NOT NULL, version_id BIGINT "
                + "NOT NULL, PRIMARY KEY (project_id, month)) ON COMMIT DROP").update();
        int created = 0, replaced = 0, unchanged = 0;
        Map<Long, Set<YearMonth>> changed = new LinkedHashMap<>();
        record Opened(Slice slice, long versionId, long rows) {
        }
        List<Opened> opened = new ArrayList<>();
        for (Fingerprint f : fingerprints) {
            var version = dataImports.open(kind(), f.slice().projectId(), f.slice().month(), fileName, f.hash(),
                    (int) Math.min(Integer.MAX_VALUE, f.rows()), officer);
            if (version.isEmpty()) {
                unchanged++;
                continue;
            }
            if (version.get().previousId() != null) {
                supersede(version.get().previousId());
                replaced++;
            } else {
                created++;
            }
            opened.add(new Opened(f.slice(), version.get().id(), f.rows()));
            changed.computeIfAbsent(f.slice().projectId(), p -> new TreeSet<>()).add(f.slice().month());
        }
        long versioned = System.nanoTime();
        // Whole slices at a time, up to writeChunkRows() rows per statement: no statement of a province's file runs
        // for minutes (the connection's read timeout), and the progress counts the rows applied so far.
        long written = 0;
        for (int i = 0; i < opened.size(); ) {
            jdbc.sql("DELETE FROM " + SLICES).update();
            long rows = 0;
            do {
                Opened o = opened.get(i++);
                jdbc.sql("INSERT INTO " + SLICES + " (project_id, month, version_id) VALUES (:p, :m, :v)")
                        .param("p", o.slice().projectId()).param("m", Date.valueOf(o.slice().month().atDay(1)))
                        .param("v", o.versionId()).update();
                rows += o.rows();
            } while (i < opened.size() && rows + opened.get(i).rows() <= writeChunkRows());
            written += write(officer);
            progress.applied(written);
        }
        log.info("{} import {}: staging {} ms, checks and reduction {} ms, {} versions {} ms, writing {} ms", kind(),
                fileName, (read - started) / 1_000_000, (checked - read) / 1_000_000, fingerprints.size(),
                (versioned - checked) / 1_000_000, (System.nanoTime() - versioned) / 1_000_000);
        logApplied(fileName, "写入 " + written + " 行，新增 " + created + " 份、更正替换 " + replaced + " 份、内容未变 "
                + unchanged + " 份", problems.count());
        return new Applied(new ImportOutcome((int) written, created, replaced, unchanged, problems.all(), true, 0,
                problems.count(), List.of(), false), changed);
    }

    private long lockKey(Slice slice) {
        long month = slice.month().getYear() * 12L + slice.month().getMonthValue();
        return LOCK_SPACE ^ ((long) kind().ordinal() << 52) ^ (slice.projectId() << 16) ^ (month & 0xFFFF);
    }

    /** The logged summary of an applied import. */
    protected void logApplied(String fileName, String summary, long problems) {
        operationLog.record(kind().name() + "_IMPORT", "data_import", null, "导入" + fileName + "：" + summary
                + "，错误 " + problems + " 处");
    }

    /** Joins the parts of a canonical row; null parts count as empty. */
    public static String canonical(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            s.append(Objects.toString(p, "")).append('\u001f');
        }
        return s.toString();
    }

    /**
     * A row's 64-bit hash (FNV-1a, then mixed); a slice's fingerprint is the count and the sum of its rows' hashes,
     * computed by the database after equal keys were reduced, so equal content gives an equal fingerprint whatever
     * the order of the rows.
     */
    public static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
