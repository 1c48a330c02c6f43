package org.wageguard.payroll;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.reconciliation.CellSource;
import org.wageguard.payroll.reconciliation.Finding;
import org.wageguard.payroll.reconciliation.ReconciliationEngine;
import org.wageguard.payroll.reconciliation.ReconciliationInput;
import org.wageguard.payroll.reconciliation.ReconciliationParameters;
import org.wageguard.payroll.reconciliation.Rule;
import org.wageguard.payroll.reconciliation.Severity;
import org.wageguard.payroll.reconciliation.UnreadableInputException;
import org.wageguard.project.Projects;
import org.wageguard.shared.Masking;
import org.wageguard.workforce.DataImports;
import org.wageguard.workforce.ImportKind;
import org.wageguard.workforce.RealNameDataChanged;
import org.wageguard.workforce.Rosters;

/**
 * Reconciles one project and month with the same engine as the command line: the project's roster in force in that
 * month (every worker whose employment overlaps it, by entry and exit dates — a later roster does not remove the
 * month's workers) and the month's attendance, pay sheet and disbursements go in as the four tables of FORMATS.md,
 * so the findings are what the command line would say on those files. Runs after every import that changes the data, once the
 * import committed, and stores the findings with ID and card numbers masked in their sentences.
 */
@Service
@Transactional(readOnly = true)
public class Reconciliations {

    /** A stored finding. */
    public record StoredFinding(long id, long projectId, YearMonth month, Rule rule, String severity, Long workerId,
            String workerName, YearMonth findingMonth, String cardHash, List<String> transactionIds, String detail) {

        /** The rule's Chinese title, for modules that must not see the engine's types. */
        public String ruleTitle() {
            return rule.title();
        }
    }

    /** The latest run of a project-month. */
    public record Run(long projectId, YearMonth month, int red, int orange, int yellow, java.time.OffsetDateTime at) {
        public int total() {
            return red + orange + yellow;
        }
    }

    /**
     * A month's wage paid partly in cash: the bank paid less than the pay sheet's net wage, and the worker signed the
     * line (本人签字确认), the receipt against which the rest was paid in cash — counted as paid, not 少发工资.
     */
    public record SignedCashPart(long workerId, String workerName, BigDecimal net, BigDecimal paidByBank) {
        public BigDecimal cash() {
            return net.subtract(paidByBank);
        }
    }

    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{11,}[0-9Xx]?(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("卡号 ([0-9]{8,})");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Projects projects;
    private final Rosters rosters;
    private final PayrollLedger ledger;
    private final DataImports imports;
    private final SensitiveData sensitive;
    private final ApplicationEventPublisher events;
    private final WageFacts wageFacts;

    Reconciliations(JdbcClient jdbc, JdbcTemplate batches, Projects projects, Rosters rosters, PayrollLedger ledger,
            DataImports imports, SensitiveData sensitive, ApplicationEventPublisher events, WageFacts wageFacts) {
        this.wageFacts = wageFacts;
        this.jdbc = jdbc;
        this.batches = batches;
        this.projects = projects;
        this.rosters = rosters;
        this.ledger = ledger;
        this.imports = imports;
        this.sensitive = sensitive;
        this.events = events;
    }

    /**
     * Roster or attendance changed: the roster touches every month of the project. Runs after the import committed
     * (or at once when the import published it after its commit), in a transaction of its own, so that an import
     * never holds its transaction open while the months are reconciled.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RealNameDataChanged changed) {
        List<YearMonth> months = changed.months().isEmpty() ? months(changed.projectId())
                : List.copyOf(changed.months());
        reconcileTogether(changed.projectId(), months);
    }

    /**
     * Reconciles several months of a project in one transaction; what derives from them (early warning, the
     * compliance items) is done once for all of them after the commit ({@link ProjectMonthReconciled#together}).
     * Called after an import committed, outside any transaction (so in one of its own); a caller already in a
     * transaction (a test's, a demo loader's) has it joined, so the rows it wrote are seen.
     */
    @Transactional
    public void reconcileMonths(long projectId, java.util.Collection<YearMonth> months) {
        reconcileTogether(projectId, months);
    }

    private void reconcileTogether(long projectId, java.util.Collection<YearMonth> months) {
        List<YearMonth> together = months.stream().distinct().sorted().toList();
        together.forEach(m -> reconcile(projectId, m, together));
    }

    /** The months of a project with attendance, pay sheets or disbursements, oldest first. */
    public List<YearMonth> months(long projectId) {
        return imports.months(projectId, List.of(ImportKind.ATTENDANCE, ImportKind.PAYROLL, ImportKind.DISBURSEMENT));
    }

    @Transactional
    public Run reconcile(long projectId, YearMonth month) {
        return reconcile(projectId, month, List.of(month));
    }

    private Run reconcile(long projectId, YearMonth month, List<YearMonth> together) {
        String code = projects.summary(projectId).orElseThrow().code();
        Map<String, Long> workerIds = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<List<String>> roster = new ArrayList<>();
        for (var r : rosters.rosterForProcessing(projectId, month)) {
            workerIds.put(r.idNumber(), r.workerId());
            names.put(r.idNumber(), r.name());
            roster.add(cells(code, r.idNumber(), r.name(), r.card(), r.contractSigned() ? "Y" : "N", r.entryDate(),
                    r.exitDate()));
        }
        List<List<String>> attendance = new ArrayList<>();
        for (var a : rosters.attendanceForProcessing(projectId, month)) {
            workerIds.put(a.idNumber(), a.workerId());
            attendance.add(cells(code, a.idNumber(), a.date()));
        }
        List<List<String>> payroll = new ArrayList<>();
        for (var l : ledger.lines(projectId, month, true)) {
            workerIds.put(l.idNumber(), l.workerId());
            payroll.add(cells(code, month, l.idNumber(), l.name(), l.daysWorked(), l.gross().toPlainString(),
                    l.deductions() == null ? null : l.deductions().toPlainString(), l.net().toPlainString(), l.payDate(),
                    l.signed() == null ? null : l.signed() ? "Y" : "N"));
        }
        List<List<String>> payments = new ArrayList<>();
        List<String> transactionIds = new ArrayList<>();
        for (var d : ledger.disbursementsForProcessing(projectId, month)) {
            if (d.payeeIdNumber() != null && d.payeeWorkerId() != null) {
                workerIds.put(d.payeeIdNumber(), d.payeeWorkerId());
            }
            transactionIds.add(d.transactionId());
            payments.add(cells(code, d.transactionId(), d.card(), d.payeeName(), d.payeeIdNumber(),
                    d.amount().toPlainString(), d.valueDate(), d.status(), month));
        }
        ReconciliationInput input = new ReconciliationInput(
                CellSource.of("roster.csv", List.of("project_code", "worker_id_number", "worker_name", "bank_card",
                        "contract_signed", "entry_date", "exit_date"), roster),
                CellSource.of("attendance.csv", List.of("project_code", "worker_id_number", "date"), attendance),
                CellSource.of("payroll.csv", List.of("project_code", "month", "worker_id_number", "worker_name",
                        "days_worked", "gross_wage", "deductions", "net_wage", "pay_date", "signed"), payroll),
                CellSource.of("disbursements.csv", List.of("project_code", "transaction_id", "bank_card", "payee_name",
                        "payee_id_number", "amount", "value_date", "status", "month"), payments));
        List<Finding> findings;
        try {
            // One thread: a project-month is small, and the request's thread should not fan out.
            findings = new ReconciliationEngine(ReconciliationParameters.defaults(), 1).reconcile(input);
        } catch (UnreadableInputException e) {
            // Stored rows passed the import's checks, which are the engine's reading rules; this is a bug.
            throw new IllegalStateException("stored data of project " + code + " " + month + " is unreadable: "
                    + e.getMessage(), e);
        }
        jdbc.sql("DELETE FROM reconciliation_finding WHERE project_id = :p AND month = :m").param("p", projectId)
                .param("m", Date.valueOf(month.atDay(1))).update();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counts.put(s.code(), 0L);
        }
        List<Object[]> rows = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            counts.merge(f.severity().code(), 1L, Long::sum);
            rows.add(row(projectId, month, f, workerIds, transactionIds, names));
        }
        // One batch (one round trip), in the engine's order, so the findings' ids keep that order.
        batches.batchUpdate(INSERT_FINDING, rows, FINDING_TYPES);
        String actor = CurrentOfficer.find().map(OfficerPrincipal::username).orElse("system");
        jdbc.sql("""
                INSERT INTO reconciliation_run (project_id, month, red, orange, yellow, run_at, run_by)
                VALUES (:p, :m, :red, :orange, :yellow, now(), :by)
                ON CONFLICT (project_id, month) DO UPDATE SET red = :red, orange = :orange, yellow = :yellow,
                    run_at = now(), run_by = :by
                """).param("p", projectId).param("m", Date.valueOf(month.atDay(1))).param("red", counts.get("red"))
                .param("orange", counts.get("orange")).param("yellow", counts.get("yellow")).param("by", actor).update();
        events.publishEvent(new ProjectMonthReconciled(projectId, month, counts, together));
        return run(projectId, month).orElseThrow();
    }

    private static final String INSERT_FINDING = """
            INSERT INTO reconciliation_finding (project_id, month, rule, severity, worker_id, finding_month, card_hash,
                transaction_ids, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final int[] FINDING_TYPES = {Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
            Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    /** A finding's row for {@link #INSERT_FINDING}: worker by ID number, the card's blind index, masked sentence. */
    private Object[] row(long projectId, YearMonth month, Finding f, Map<String, Long> workerIds,
            List<String> transactionIds, Map<String, String> names) {
        Matcher card = CARD.matcher(f.detail());
        String cardHash = f.workerIdNumber() == null && card.find() ? sensitive.index(card.group(1)) : null;
        List<String> mentioned = transactionIds.stream().filter(t -> f.detail().contains(t)).toList();
        return new Object[] {projectId, Date.valueOf(month.atDay(1)), f.rule().name(), f.severity().code(),
                f.workerIdNumber() == null ? null : workerIds.get(f.workerIdNumber()),
                f.month() == null ? null : Date.valueOf(f.month().atDay(1)), cardHash,
                mentioned.isEmpty() ? null : truncate(String.join(",", mentioned), 400),
                truncate(mask(named(f, names)), 2000)};
    }

    /** The sentences that list the workers sharing one card name them (the engine, reading files, knows only ID numbers). */
    static String named(Finding f, Map<String, String> names) {
        if (f.rule() != Rule.SHARED_CARD && f.rule() != Rule.SHARED_ROSTER_CARD) {
            return f.detail();
        }
        Matcher m = LONG_NUMBER.matcher(f.detail());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.get(m.group().toUpperCase(java.util.Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null || name.isBlank() ? m.group() : name));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** ID and card numbers in a finding's sentence are masked before it is stored or shown. */
    static String mask(String detail) {
        Matcher m = LONG_NUMBER.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(number.length() == 18 ? Masking.idNumber(number)
                    : Masking.bankCard(number)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The month's wages paid partly in cash against the worker's signed pay-sheet line (the reason they are not underpaid). */
    public List<SignedCashPart> signedCashParts(long projectId, YearMonth month) {
        Map<Long, WageFacts.WorkerMonth> facts = new HashMap<>();
        wageFacts.workerMonths(month, projectId).forEach(w -> facts.put(w.workerId(), w));
        List<SignedCashPart> parts = new ArrayList<>();
        for (PayrollLedger.Line l : ledger.lines(projectId, month, false)) {
            WageFacts.WorkerMonth w = facts.get(l.workerId());
            BigDecimal paid = w == null || w.paid() == null ? BigDecimal.ZERO : w.paid();
            if (Boolean.TRUE.equals(l.signed()) && paid.signum() > 0
                    && l.net().subtract(paid).compareTo(new BigDecimal("0.01")) > 0) {
                parts.add(new SignedCashPart(l.workerId(), l.name(), l.net(), paid));
            }
        }
        return parts;
    }

    public Optional<Run> run(long projectId, YearMonth month) {
        return jdbc.sql("SELECT project_id, month, red, orange, yellow, run_at FROM reconciliation_run WHERE project_id = :p AND month = :m")
                .param("p", projectId).param("m", Date.valueOf(month.atDay(1)))
                .query((rs, n) -> new Run(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getObject(6, java.time.OffsetDateTime.class))).optional();
    }

    private static final String FINDINGS = """
            SELECT f.id, f.project_id, f.month, f.rule, f.severity, f.worker_id, w.name AS worker_name, f.finding_month,
                   f.card_hash, f.transaction_ids, f.detail
              FROM reconciliation_finding f LEFT JOIN published_worker w ON w.id = f.worker_id
            """;

    /** Red first, then orange and yellow; within a severity by rule and worker. */
    public List<StoredFinding> findings(long projectId, YearMonth month) {
        return jdbc.sql(FINDINGS + """
                 WHERE f.project_id = :p AND f.month = :m
                 ORDER BY CASE f.severity WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END, f.rule, w.name, f.id
                """).param("p", projectId).param("m", Date.valueOf(month.atDay(1))).query(Reconciliations::map).list();
    }

    public Optional<StoredFinding> finding(long projectId, long findingId) {
        return jdbc.sql(FINDINGS + " WHERE f.project_id = :p AND f.id = :id").param("p", projectId).param("id", findingId)
                .query(Reconciliations::map).optional();
    }

    public List<StoredFinding> findingsOf(long workerId, List<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FINDINGS + " WHERE f.worker_id = :w AND f.project_id IN (:projects) ORDER BY f.month DESC, f.id")
                .param("w", workerId).param("projects", projectIds).query(Reconciliations::map).list();
    }

    private static StoredFinding map(ResultSet rs, int n) throws SQLException {
        long worker = rs.getLong("worker_id");
        Long workerId = rs.wasNull() ? null : worker;
        Date fm = rs.getDate("finding_month");
        String tx = rs.getString("transaction_ids");
        return new StoredFinding(rs.getLong("id"), rs.getLong("project_id"),
                YearMonth.from(rs.getDate("month").toLocalDate()), Rule.valueOf(rs.getString("rule")),
                rs.getString("severity"), workerId, rs.getString("worker_name"),
                fm == null ? null : YearMonth.from(fm.toLocalDate()), rs.getString("card_hash"),
                tx == null ? List.of() : List.of(tx.split(",")), rs.getString("detail"));
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(v == null ? null : v instanceof LocalDate d ? d.toString() : String.valueOf(v));
        }
        return cells;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
