package org.wageguard.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wageguard.payroll.reconciliation.bench.CsvWriter;
import org.wageguard.payroll.reconciliation.bench.DataSetGenerator;
import org.wageguard.payroll.reconciliation.bench.Rows;

/**
 * Random data sets, written with the quirks of real files, reconciled by the engine and by the plain
 * {@link ReferenceReconciliation}: the findings must be the same multiset of (rule, severity, project, worker,
 * month).
 */
class ReconciliationPropertyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theEngineFindsWhatThePlainFormulationFinds(long seed) throws IOException {
        DataSetGenerator.Config config = new DataSetGenerator.Config(600, 40, YearMonth.of(2026, 8), 2, 0.05, seed);
        Collected data = generate(config, true, seed);
        List<String> engine = keys(new ReconciliationEngine(parameters(), 1)
                .reconcile(ReconciliationInput.directory(data.dir)));
        assertThat(engine).containsExactlyInAnyOrderElementsOf(data.reference());
    }

    @Test
    void everyRuleIsExercisedByTheGeneratedData() throws IOException {
        Set<Rule> seen = EnumSet.noneOf(Rule.class);
        for (long seed = 1; seed <= 3; seed++) {
            DataSetGenerator.Config config = new DataSetGenerator.Config(600, 40, YearMonth.of(2026, 8), 2, 0.05, seed);
            Collected data = generate(config, true, seed);
            data.reference().forEach(k -> seen.add(Rule.valueOf(k.substring(0, k.indexOf('|')))));
        }
        assertThat(seen).containsExactlyInAnyOrder(Rule.values());
    }

    @Test
    void readingALargeAttendanceFileInParallelGivesTheSameFindings() throws IOException {
        DataSetGenerator.Config config = new DataSetGenerator.Config(3000, 200, YearMonth.of(2026, 8), 2, 0.01, 42);
        Collected data = generate(config, false, 42);
        List<String> parallel = keys(new ReconciliationEngine(parameters(), 2, 1)
                .reconcile(ReconciliationInput.directory(data.dir)));
        assertThat(parallel).containsExactlyInAnyOrderElementsOf(data.reference());
        List<String> sequential = keys(new ReconciliationEngine(parameters(), 1)
                .reconcile(ReconciliationInput.directory(data.dir)));
        assertThat(parallel).containsExactlyInAnyOrderElementsOf(sequential);
    }

    @Test
    void aQuotedAttendanceFileReadInParallelFallsBackToOnePieceAndGivesTheSameFindings() throws IOException {
        DataSetGenerator.Config config = new DataSetGenerator.Config(1500, 100, YearMonth.of(2026, 8), 1, 0.02, 9);
        Collected data = generate(config, true, 9);
        List<String> parallel = keys(new ReconciliationEngine(parameters(), 2, 1)
                .reconcile(ReconciliationInput.directory(data.dir)));
        assertThat(parallel).containsExactlyInAnyOrderElementsOf(data.reference());
    }

    static ReconciliationParameters parameters() {
        return ReconciliationParameters.defaults().withToday(TODAY);
    }

    static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> ReferenceReconciliation.finding(f.rule(), f.projectCode(),
                f.workerIdNumber() == null ? "" : f.workerIdNumber(), f.month() == null ? "" : f.month().toString()))
                .collect(Collectors.toList());
    }

    private Collected generate(DataSetGenerator.Config config, boolean messy, long seed) throws IOException {
        Collected data = new Collected(tmp.resolve("data-" + seed + (messy ? "-messy" : "")));
        try (CsvWriter writer = new CsvWriter(data.dir, messy, seed)) {
            DataSetGenerator.generate(config, new Rows() {
                @Override
                public void roster(Roster row) {
                    data.roster.add(row);
                    writer.roster(row);
                }

                @Override
                public void attendance(Attendance row) {
                    data.attendance.add(row);
                    writer.attendance(row);
                }

                @Override
                public void payroll(Payroll row) {
                    data.payroll.add(row);
                    writer.payroll(row);
                }

                @Override
                public void disbursement(Disbursement row) {
                    data.disbursements.add(row);
                    writer.disbursement(row);
                }
            });
        }
        return data;
    }

    private static final class Collected {
        final Path dir;
        final List<Rows.Roster> roster = new ArrayList<>();
        final List<Rows.Attendance> attendance = new ArrayList<>();
        final List<Rows.Payroll> payroll = new ArrayList<>();
        final List<Rows.Disbursement> disbursements = new ArrayList<>();

        Collected(Path dir) {
            this.dir = dir;
        }

        List<String> reference() {
            return ReferenceReconciliation.findings(roster, attendance, payroll, disbursements, TODAY, 50_000_00);
        }
    }
}
