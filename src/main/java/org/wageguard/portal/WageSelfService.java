package org.wageguard.portal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.payroll.PayrollLedger;
import org.wageguard.payroll.Reconciliations;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.IdNumber;
import org.wageguard.workforce.Workers;
import org.wageguard.shared.Rows;

/**
 * A worker's own wage records on the portal, opened with the ID number, the name on file and a one-time code sent to
 * the phone on file. Nothing tells a visitor whether an ID number is registered: a wrong name, an unknown number and
 * a worker without a phone all answer like a code sent. Codes are six digits, live five minutes, allow five tries, are
 * kept only as salted hashes; requests and verifications are rate-limited per requester (client address) like every
 * portal attempt, and each is logged. Nothing a stranger does with a worker's ID number locks the worker out: wrong
 * codes use up only the tries of that code (the worker requests a new one), and the limit per ID number counts only
 * codes actually sent ({@link #MAX_SENDS} an hour, against SMS bombing) — beyond it the answer is the same "code sent",
 * and nothing is sent. Without an SMS gateway (outside the demo profile) no code is made at all.
 */
@Service
public class WageSelfService {

    public static final Duration CODE_LIFE = Duration.ofMinutes(5);
    public static final int MAX_TRIES = 5;
    /** At most this many codes are sent for one worker in {@link PortalSubmissions#WINDOW}. */
    public static final int MAX_SENDS = 5;

    /** No SMS gateway is configured: no code can be sent (nothing was done). */
    public static class SmsNotConfigured extends RuntimeException {
        public SmsNotConfigured() {
            super("portal.wages.smsNotConfigured");
        }
    }

    /** One month of one project as the worker sees it. */
    public record MonthRecord(String projectName, YearMonth month, Integer daysWorked, BigDecimal net, BigDecimal paid,
            String state, List<String> findings, long projectId) {
    }

    /** The worker's own pay slip (工资清单, Decree 724 Art. 15) of a project-month: the employer, and the pay-sheet lines. */
    public record PaySlip(String projectName, String employerName, YearMonth month, List<PayrollLedger.Line> lines) {
    }

    private final JdbcClient jdbc;
    private final Workers workers;
    private final PayrollLedger ledger;
    private final Reconciliations reconciliations;
    private final Projects projects;
    private final SensitiveData sensitive;
    private final CodeSender sender;
    private final PortalSubmissions limits;
    private final OperationLog operationLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WageSelfService(JdbcClient jdbc, Workers workers, PayrollLedger ledger, Reconciliations reconciliations,
            Projects projects, SensitiveData sensitive, CodeSender sender, PortalSubmissions limits,
            OperationLog operationLog, Clock clock) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.ledger = ledger;
        this.reconciliations = reconciliations;
        this.projects = projects;
        this.sensitive = sensitive;
        this.sender = sender;
        this.limits = limits;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    private String idHash(String idNumber) {
        return sensitive.index(IdNumber.parseLenient(idNumber == null ? "" : idNumber.trim()).value());
    }

    /** Whether codes can be sent at all (an SMS gateway, or the demo's console). */
    public boolean canSendCodes() {
        return sender.configured();
    }

    /**
     * Sends a code if the ID number and name are a worker's with a phone on file and fewer than {@link #MAX_SENDS}
     * codes went to that worker within the hour; silent otherwise.
     *
     * @throws SmsNotConfigured when no SMS gateway is configured, for every visitor alike
     */
    @Transactional(noRollbackFor = PortalSubmissions.RateLimited.class)
    public void requestCode(String idNumber, String name, String address) {
        if (!sender.configured()) {
            throw new SmsNotConfigured();
        }
        String hash = idHash(idNumber);
        limits.checkLimit(address, hash);
        Optional<Workers.SelfService> worker = workers.selfService(idNumber, name).filter(w -> w.phone() != null);
        worker.filter(w -> sentWithinWindow(w.workerId()) < MAX_SENDS).ifPresent(w -> {
            String code = String.format("%06d", random.nextInt(1_000_000));
            String salt = HexFormat.of().formatHex(random.generateSeed(8));
            LocalDateTime now = LocalDateTime.now(clock);
            jdbc.sql("""
                    INSERT INTO portal_wage_code (worker_id, salt, code_hash, expires_at, client_address, created_at)
                    VALUES (:w, :salt, :hash, :expires, :address, :now)
                    """).param("w", w.workerId()).param("salt", salt).param("hash", digest(salt, code))
                    .param("expires", Timestamp.valueOf(now.plus(CODE_LIFE))).param("address", address)
                    .param("now", Timestamp.valueOf(now)).update();
            sender.send(w.phone(), code, CODE_LIFE.toMinutes());
        });
        limits.attempt("WAGE_CODE", address, hash, worker.isPresent());
        operationLog.recordOutcome("PORTAL_WAGE_CODE", "worker", worker.map(Workers.SelfService::workerId).orElse(null),
                "门户申请查询本人工资验证码", worker.isPresent() ? OperationLog.Result.SUCCESS : OperationLog.Result.FAILURE);
    }

    private long sentWithinWindow(long workerId) {
        return jdbc.sql("SELECT count(*) FROM portal_wage_code WHERE worker_id = :w AND created_at > :since")
                .param("w", workerId)
                .param("since", Timestamp.valueOf(LocalDateTime.now(clock).minus(PortalSubmissions.WINDOW)))
                .query(Long.class).single();
    }

    /** The worker's id if the code is the live one sent for this ID number; each try counts against that code. */
    @Transactional(noRollbackFor = PortalSubmissions.RateLimited.class)
    public Optional<Long> verify(String idNumber, String code, String address) {
        String hash = idHash(idNumber);
        limits.checkLimit(address, hash);
        record Live(long id, long workerId, String salt, String codeHash, int attempts) {
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<Live> live = jdbc.sql("""
                SELECT c.id, c.worker_id, c.salt, c.code_hash, c.attempts FROM portal_wage_code c
                  JOIN published_worker w ON w.id = c.worker_id
                 WHERE w.id_number_hash = :h AND c.used_at IS NULL AND c.expires_at > :now
                 ORDER BY c.created_at DESC, c.id DESC LIMIT 1
                """).param("h", hash).param("now", Timestamp.valueOf(now)).query(Rows.of(Live.class)).optional();
        Optional<Long> verified = Optional.empty();
        if (live.isPresent()) {
            Live l = live.get();
            boolean match = l.attempts() < MAX_TRIES && code != null
                    && MessageDigest.isEqual(digest(l.salt(), code.trim()).getBytes(StandardCharsets.US_ASCII),
                            l.codeHash().getBytes(StandardCharsets.US_ASCII));
            jdbc.sql("UPDATE portal_wage_code SET attempts = attempts + 1, used_at = CASE WHEN CAST(:ok AS BOOLEAN) THEN CAST(:now AS TIMESTAMP) END WHERE id = :id")
                    .param("ok", match).param("now", Timestamp.valueOf(now)).param("id", l.id()).update();
            if (match) {
                verified = Optional.of(l.workerId());
            }
        }
        limits.attempt("WAGE_VERIFY", address, hash, verified.isPresent());
        operationLog.recordOutcome("PORTAL_WAGE_VERIFY", "worker", verified.orElse(null), "门户核验查询本人工资",
                verified.isPresent() ? OperationLog.Result.SUCCESS : OperationLog.Result.FAILURE);
        return verified;
    }

    /** The verified worker's months: pay sheet, what reached them, and what the reconciliation found (the view is logged). */
    @Transactional
    public List<MonthRecord> records(long workerId) {
        Set<Long> projectIds = new LinkedHashSet<>(workers.projectIdsOf(workerId));
        projectIds.addAll(ledger.payrollProjectIds(workerId));
        List<Long> ids = List.copyOf(projectIds);
        List<Reconciliations.StoredFinding> findings = reconciliations.findingsOf(workerId, ids);
        List<MonthRecord> rows = new ArrayList<>();
        for (PayrollLedger.WorkerMonth m : ledger.monthsOf(workerId, ids)) {
            String project = projects.summary(m.projectId()).map(ProjectSummary::name).orElse("");
            String state = m.net() == null ? "NO_PAYSHEET"
                    : m.paid().compareTo(m.net()) >= 0 ? "PAID"
                    : m.paid().signum() == 0 ? "UNPAID" : "UNDERPAID";
            List<String> found = findings.stream()
                    .filter(f -> f.projectId() == m.projectId()
                            && m.month().equals(f.findingMonth() != null ? f.findingMonth() : f.month()))
                    .map(Reconciliations.StoredFinding::ruleTitle).distinct().toList();
            rows.add(new MonthRecord(project, m.month(), m.daysWorked(), m.net(), m.paid(), state, found, m.projectId()));
        }
        operationLog.record("PORTAL_WAGE_VIEW", "worker", workerId, "劳动者查看本人工资记录");
        return rows;
    }

    private static String digest(String salt, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verified worker's own pay slip of a project-month, if a pay sheet names them; logged as a view. */
    public java.util.Optional<PaySlip> slip(long workerId, long projectId, YearMonth month) {
        List<PayrollLedger.Line> lines = ledger.linesOf(workerId, projectId, month);
        if (lines.isEmpty()) {
            return java.util.Optional.empty();
        }
        ProjectSummary p = projects.summary(projectId).orElseThrow();
        operationLog.record("PORTAL_PAY_SLIP_VIEW", "worker", workerId, "劳动者查看本人工资清单 " + p.code() + " " + month);
        return java.util.Optional.of(new PaySlip(p.name(), p.generalContractorName(), month, lines));
    }
}
