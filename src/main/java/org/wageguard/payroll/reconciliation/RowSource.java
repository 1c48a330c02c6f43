package org.wageguard.payroll.reconciliation;

/**
 * Where one of the four input tables comes from: a CSV file or bytes ({@link CsvSource}, read straight from
 * bytes, in parallel where the file is large), or rows of string cells that the caller already holds, e.g. from
 * an XLSX sheet or the database ({@link CellSource}). Either way the same reading rules apply.
 */
public sealed interface RowSource permits CsvSource, CellSource {

    /** The name used in messages, e.g. {@code attendance.csv}. */
    String name();
}
