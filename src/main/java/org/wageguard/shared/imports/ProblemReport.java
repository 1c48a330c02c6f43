package org.wageguard.shared.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad rows of an import, handed back to the user as an xlsx: 行号, 列, 值, 原因, sorted by row. The title names
 * the sheet, so that a user with several reports open knows which import each belongs to.
 */
public final class ProblemReport {

    public static final List<String> HEADERS = List.of("行号", "列", "值", "原因");

    private ProblemReport() {
    }

    public static byte[] toXlsx(List<Problem> problems, String title) {
        List<List<?>> rows = new ArrayList<>();
        problems.stream().sorted(Comparator.comparingLong(Problem::row)).forEach(p ->
                rows.add(java.util.Arrays.asList(p.row(), p.column(), p.value(), p.reason())));
        return LedgerWorkbook.toXlsx(title == null || title.isBlank() ? "导入问题" : title, HEADERS, rows);
    }
}
