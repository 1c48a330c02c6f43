package org.wageguard.workforce;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.Limits;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;
import org.wageguard.shared.imports.TabularFile;

/**
 * The roster's import shape (the roster is a history with a preview and a confirmation, docs/roster-history.md):
 * read the whole file, check every row, refuse the file if any row is bad (unless the sender asked for the good rows
 * only). The three slice imports stream instead ({@link SliceImport}); the roster still holds its rows in memory.
 *
 * @param <R> a checked row
 */
public abstract class WholeFileImport<R extends WholeFileImport.Parsed> {

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

    protected WholeFileImport(DataImports dataImports, OperationLog operationLog) {
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
}
