package org.wageguard.payroll.reconciliation;

import java.util.Arrays;
import java.util.List;

/** Where each of a sheet's columns sits in a file, found from its header row. */
final class ColumnMap {

    final Sheet sheet;
    final String file;
    /** Physical field index of each column of the sheet, -1 when the file lacks it. */
    final int[] physical;
    /** Indices of the required columns. */
    final int[] required;

    private ColumnMap(Sheet sheet, String file, int[] physical) {
        this.sheet = sheet;
        this.file = file;
        this.physical = physical;
        List<Sheet.Column> columns = sheet.columns();
        this.required = java.util.stream.IntStream.range(0, columns.size())
                .filter(c -> columns.get(c).required()).toArray();
    }

    /**
     * Maps the header cells; the first cell naming a column wins.
     *
     * @throws UnreadableInputException when a required column is missing
     */
    static ColumnMap of(Sheet sheet, String file, List<String> header, long headerRow) {
        List<Sheet.Column> columns = sheet.columns();
        int[] physical = new int[columns.size()];
        Arrays.fill(physical, -1);
        for (int c = 0; c < columns.size(); c++) {
            for (int p = 0; p < header.size() && physical[c] < 0; p++) {
                if (header.get(p) != null && columns.get(c).matches(header.get(p))) {
                    physical[c] = p;
                }
            }
            if (physical[c] < 0 && columns.get(c).required()) {
                throw new UnreadableInputException(file, headerRow, null, null,
                        "表头缺少必需列“" + columns.get(c).label() + "”");
            }
        }
        return new ColumnMap(sheet, file, physical);
    }

    String label(int column) {
        return sheet.columns().get(column).label();
    }
}
