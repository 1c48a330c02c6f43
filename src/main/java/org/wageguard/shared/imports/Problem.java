package org.wageguard.shared.imports;

/** One bad value of an import: row number as in Excel, the column as shown to users, the value, and why. */
public record Problem(long row, String column, String value, String reason) implements java.io.Serializable {

    /** A problem with one cell of a row. */
    public static Problem of(Row row, Column column, String reason) {
        return new Problem(row.number(), column.label(), row.get(column), reason);
    }

    /** A problem with the row as a whole (no single column to blame). */
    public static Problem ofRow(Row row, String reason) {
        return new Problem(row.number(), "", null, reason);
    }
}
