package org.wageguard.payroll.reconciliation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The four tables of one data set (any number of projects and months). */
public record ReconciliationInput(RowSource roster, RowSource attendance, RowSource payroll,
                                  RowSource disbursements) {

    public ReconciliationInput {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(payroll, "payroll");
        Objects.requireNonNull(disbursements, "disbursements");
    }

    /** {@code roster.csv}, {@code attendance.csv}, {@code payroll.csv} and {@code disbursements.csv} in a directory. */
    public static ReconciliationInput directory(Path dir) {
        return new ReconciliationInput(CsvSource.of(dir.resolve(Sheet.ROSTER.fileName())),
                CsvSource.of(dir.resolve(Sheet.ATTENDANCE.fileName())), CsvSource.of(dir.resolve(Sheet.PAYROLL.fileName())),
                CsvSource.of(dir.resolve(Sheet.DISBURSEMENTS.fileName())));
    }

    List<RowSource> all() {
        return List.of(roster, attendance, payroll, disbursements);
    }
}
