package org.wageguard.workforce;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.Limits;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.imports.TabularFile;

/**
 * The one shape of every import of FORMATS.md's files: read the whole file, check every row, refuse the file if
 * any row is bad (unless the sender asked for the good rows only), then write slice by slice — each project (and
 * month) of the file becomes a new version that supersedes the earlier one, or nothing at all when its content is
 * what is already current. Subclasses run it inside one transaction, so a crash leaves nothing half written.
 *
 * @param <R> a checked row
 */
public abstract class SliceImport<R extends SliceImport.Parsed> {

    /** A row that passed its checks. */
    public interface Parsed {
        long projectId();

        /** The slice's month, or null for the roster (a project's whole list). */
        YearMonth month();

        /** Rows with equal keys in one slice: the later replaces the earlier and takes its position (FORMATS.md). */
        String key();

        /** Everything the row says, normalised, for the slice's fingerprint. */
        String canonical();
    }

    /** Checks one row after another; may keep state across the rows of one file (duplicate transaction ids). */
    public interface RowParser<R> {
        R parse(Row row, List<Problem> problems);
    }

    private record Slice(long projectId, YearMonth month) {
    }

    private final DataImports dataImports;
    private final OperationLog operationLog;

    protected SliceImport(DataImports dataImports, OperationLog operationLog) {
        this.dataImports = dataImports;
        this.operationLog = operationLog;
    }

    protected abstract ImportKind kind();

    protected abstract List<Column> columns();

    protected abstract RowParser<R> parser(OfficerPrincipal officer);

    /** Marks the rows of a version not current: a corrected file replaced it. */
    protected abstract void supersede(long versionId);

    protected abstract void write(long versionId, List<R> rows, OfficerPrincipal officer);

    /** After the slices of a project were written: tell whoever derives data from them. */
    protected abstract void changed(long projectId, Set<YearMonth> months);

    /**
     * The checked rows of a file by slice (project, and month), in file order, a later row of the same key replacing
     * an earlier one; or the refusal when any row is bad and the sender did not ask for the good rows only.
     */
    protected record Read<R>(Map<Long, Map<YearMonth, List<R>>> slices, List<Problem> problems, ImportOutcome refused) {
    }

    /** Reads and checks a whole file without writing anything (the refusal is logged). */
    protected Read<R> read(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        TabularFile file = TabularFile.read(fileName, in, columns(), Limits.DEFAULT);
        List<Problem> problems = new ArrayList<>();
        RowParser<R> parser = parser(officer);
        Map<Slice, LinkedHashMap<String, R>> slices = new LinkedHashMap<>();
        for (Row row : file.rows()) {
            int before = problems.size();
            R parsed = parser.parse(row, problems);
            if (parsed != null && problems.size() == before) {
                var rows = slices.computeIfAbsent(new Slice(parsed.projectId(), parsed.month()),
                        s -> new LinkedHashMap<>());
                rows.remove(parsed.key());
                rows.put(parsed.key(), parsed);
            }
        }
        if (!problems.isEmpty() && !goodRowsOnly) {
            operationLog.record(kind().name() + "_IMPORT", "data_import", null, "导入被拒绝：" + fileName + "，错误 "
                    + problems.size() + " 处");
            return new Read<>(Map.of(), problems, ImportOutcome.refused(problems));
        }
        Map<Long, Map<YearMonth, List<R>>> bySlice = new LinkedHashMap<>();
        slices.forEach((slice, rows) -> bySlice.computeIfAbsent(slice.projectId(), p -> new LinkedHashMap<>())
                .put(slice.month(), List.copyOf(rows.values())));
        return new Read<>(bySlice, problems, null);
    }

    /** The logged summary of an applied import. */
    protected void logApplied(String fileName, String summary, int problems) {
        operationLog.record(kind().name() + "_IMPORT", "data_import", null, "导入" + fileName + "：" + summary
                + "，错误 " + problems + " 处");
    }

    /** Call from a {@code @Transactional} method. */
    protected ImportOutcome run(String fileName, InputStream in, boolean goodRowsOnly, OfficerPrincipal officer) {
        Read<R> read = read(fileName, in, goodRowsOnly, officer);
        if (read.refused() != null) {
            return read.refused();
        }
        List<Problem> problems = read.problems();
        int written = 0, created = 0, replaced = 0, unchanged = 0;
        Map<Long, Set<YearMonth>> changedMonths = new LinkedHashMap<>();
        for (var slice : read.slices().entrySet().stream().flatMap(p -> p.getValue().entrySet().stream()
                .map(m -> Map.entry(new Slice(p.getKey(), m.getKey()), m.getValue()))).toList()) {
            List<R> rows = slice.getValue();
            String fingerprint = ImportValues.fingerprint(rows.stream().map(Parsed::canonical).toList());
            var version = dataImports.open(kind(), slice.getKey().projectId(), slice.getKey().month(), fileName,
                    fingerprint, rows.size(), officer);
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
            write(version.get().id(), rows, officer);
            written += rows.size();
            var months = changedMonths.computeIfAbsent(slice.getKey().projectId(), p -> new TreeSet<>());
            if (slice.getKey().month() != null) {
                months.add(slice.getKey().month());
            }
        }
        changedMonths.forEach(this::changed);
        logApplied(fileName, "写入 " + written + " 行，新增 " + created + " 份、更正替换 " + replaced + " 份、内容未变 "
                + unchanged + " 份", problems.size());
        return new ImportOutcome(written, created, replaced, unchanged, problems, true);
    }

    /** Joins the parts of a canonical row; null parts count as empty. */
    protected static String canonical(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            s.append(Objects.toString(p, "")).append('\u001f');
        }
        return s.toString();
    }
}
