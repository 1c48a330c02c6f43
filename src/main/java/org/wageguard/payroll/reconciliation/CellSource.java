package org.wageguard.payroll.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table the caller holds as string cells — an XLSX sheet, rows from the database — with its header row. Cells
 * go through the same reading rules as CSV (header aliases, trimming, parsing, errors naming row and column).
 */
public final class CellSource implements RowSource {

    /** One row of cells; {@code number} is its row number as the user knows it (a spreadsheet row). */
    public record Row(long number, List<String> cells) {
    }

    private final String name;
    private final long headerRow;
    private final List<String> header;
    private final Iterable<Row> rows;

    private CellSource(String name, long headerRow, List<String> header, Iterable<Row> rows) {
        this.name = Objects.requireNonNull(name, "name");
        this.headerRow = headerRow;
        this.header = List.copyOf(header.stream().map(h -> h == null ? "" : h).toList());
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** Rows numbered as in a spreadsheet: the header is row 1, the first row of cells row 2. */
    public static CellSource of(String name, List<String> header, Iterable<? extends List<String>> cells) {
        List<Row> rows = new ArrayList<>();
        long number = 2;
        for (List<String> row : cells) {
            rows.add(new Row(number++, row));
        }
        return new CellSource(name, 1, header, rows);
    }

    /** Rows that carry their own numbers, e.g. a sheet whose empty rows were left out. */
    public static CellSource numbered(String name, long headerRow, List<String> header, Iterable<Row> rows) {
        return new CellSource(name, headerRow, header, rows);
    }

    @Override
    public String name() {
        return name;
    }

    void read(Sheet sheet, java.util.function.Function<ColumnMap, RowReader> readers) {
        RowReader reader = readers.apply(ColumnMap.of(sheet, name, header, headerRow));
        byte[] buf = new byte[256];
        int[] starts = new int[16];
        int[] ends = new int[16];
        for (Row row : rows) {
            List<String> cells = row.cells();
            starts = WorkerKeys.grow(starts, cells.size());
            ends = WorkerKeys.grow(ends, cells.size());
            int used = 0;
            for (int i = 0; i < cells.size(); i++) {
                byte[] cell = cells.get(i) == null ? new byte[0] : cells.get(i).getBytes(StandardCharsets.UTF_8);
                buf = WorkerKeys.grow(buf, used + cell.length);
                System.arraycopy(cell, 0, buf, used, cell.length);
                starts[i] = used;
                used += cell.length;
                ends[i] = used;
            }
            reader.accept(buf, starts, ends, cells.size(), row.number());
        }
    }
}
