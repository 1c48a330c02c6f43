package org.wageguard.portal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.casework.CaseIntake;
import org.wageguard.casework.CasePhotos;
import org.wageguard.casework.CaseKind;
import org.wageguard.casework.CaseQueries;
import org.wageguard.casework.Channel;
import org.wageguard.casework.Intake;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.SensitiveData;
import org.wageguard.shared.MobilePhone;

/**
 * Submissions from the workers' portal: each lands in casework's intake (channel PORTAL) and is followed by
 * query code plus phone. Every submission and every query attempt is recorded in {@code portal_attempt}, which
 * also carries the rate limit per requester (client address).
 */
@Service
public class PortalSubmissions {

    /** At most this many submissions or queries per client address in {@link #WINDOW}. */
    public static final int LIMIT = 5;
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String CITY_REGION = "430981";

    public record Submission(CaseKind kind, String name, String phone, String idNumber, boolean anonymous,
            String employerName, String projectName, BigDecimal amount, int workers, String description) {
    }

    /** What the visitor may see of their own submission: its status and the public steps of its handling. */
    public record Progress(String queryCode, CaseKind kind, LocalDateTime submittedAt, String status,
            List<Step> steps) {
    }

    public record Step(LocalDate onDay, String action) {
    }

    /** The limit was reached; nothing was done. */
    public static class RateLimited extends RuntimeException {
        public RateLimited() {
            super("portal.rateLimited");
        }
    }

    private final JdbcClient jdbc;
    private final CaseIntake intake;
    private final CaseQueries queries;
    private final SensitiveData sensitive;
    private final OperationLog operationLog;
    private final Clock clock;
    private final CasePhotos photos;
    private final SecureRandom random = new SecureRandom();

    PortalSubmissions(JdbcClient jdbc, CaseIntake intake, CaseQueries queries, SensitiveData sensitive,
            OperationLog operationLog, Clock clock, CasePhotos photos) {
        this.photos = photos;
        this.jdbc = jdbc;
        this.intake = intake;
        this.queries = queries;
        this.sensitive = sensitive;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** Registers the matter in casework's intake and returns the query code. */
    @Transactional(noRollbackFor = RateLimited.class)
    public String submit(Submission s, String address) {
        return submit(s, List.of(), address);
    }

    /**
     * The same with up to three photos kept with the case for the officers who handle it.
     *
     * @throws org.wageguard.casework.CaseRuleException when a photo is not a JPEG or PNG, too large, or too many
     */
    @Transactional(noRollbackFor = RateLimited.class)
    public String submit(Submission s, List<CasePhotos.Upload> uploads, String address) {
        List<CasePhotos.Upload> files = photos.checked(uploads);
        MobilePhone phone = MobilePhone.of(s.phone());
        String phoneHash = sensitive.index(phone.value());
        checkLimit(address, phoneHash);
        boolean anonymous = s.kind() == CaseKind.REPORT && s.anonymous();
        List<Intake.Claimant> claimants = new ArrayList<>();
        int workers = Math.max(1, s.workers());
        BigDecimal share = s.amount() == null ? BigDecimal.ZERO
                : s.amount().divide(BigDecimal.valueOf(workers), 2, java.math.RoundingMode.HALF_UP);
        claimants.add(new Intake.Claimant(anonymous ? "匿名" : s.name(), anonymous ? null : s.idNumber(), share));
        for (int i = 1; i < workers; i++) {
            claimants.add(new Intake.Claimant("同行工友" + i, null, share));
        }
        String description = (s.projectName() == null || s.projectName().isBlank() ? "" : "项目：" + s.projectName() + "；")
                + s.description();
        long caseId = intake.register(new Intake(Channel.PORTAL, s.kind(), anonymous ? null : s.name(),
                anonymous ? null : phone, anonymous, null, s.employerName(), null, CITY_REGION, null, null, null,
                description, claimants, null, null));
        photos.attach(caseId, CasePhotos.Source.PORTAL, files);
        String code = newCode();
        jdbc.sql("""
                INSERT INTO portal_submission (query_code, phone_hash, case_id, kind, submitted_at, client_address)
                VALUES (:code, :phone, :case, :kind, :at, :address)
                """).param("code", code).param("phone", phoneHash).param("case", caseId).param("kind", s.kind().name())
                .param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("address", address).update();
        attempt("SUBMIT", address, phoneHash, true);
        operationLog.record("PORTAL_SUBMIT", "case", caseId, "劳动者门户提交" + (anonymous ? "匿名" : "") + "投诉举报");
        return code;
    }

    /** The visitor's own submission, or empty when the code and phone do not match (nothing else is told). */
    @Transactional(noRollbackFor = RateLimited.class)
    public Optional<Progress> follow(String queryCode, String phone, String address) {
        String normalised = MobilePhone.parseLenient(phone == null ? "" : phone).value();
        String phoneHash = sensitive.index(normalised);
        checkLimit(address, phoneHash);
        String code = queryCode == null ? "" : queryCode.trim().toUpperCase();
        Optional<Progress> found = jdbc.sql("""
                SELECT case_id, kind, submitted_at FROM portal_submission WHERE query_code = :code AND phone_hash = :phone
                """).param("code", code).param("phone", phoneHash).query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    List<CaseQueries.Event> events = queries.timeline(caseId);
                    String status = events.stream().map(CaseQueries.Event::statusTo).filter(x -> x != null)
                            .reduce((a, b) -> b).orElse("REGISTERED");
                    List<Step> steps = events.stream().map(e -> new Step(e.onDay(), e.action())).toList();
                    return new Progress(code, CaseKind.valueOf(rs.getString("kind")),
                            rs.getTimestamp("submitted_at").toLocalDateTime(), status, steps);
                }).optional();
        attempt("QUERY", address, phoneHash, found.isPresent());
        operationLog.recordOutcome("PORTAL_QUERY", "portal_submission", code, "门户查询进度",
                found.isPresent() ? OperationLog.Result.SUCCESS : OperationLog.Result.FAILURE);
        return found;
    }

    /**
     * The requester's limit: {@link #LIMIT} portal actions per client address (the real one behind a trusted proxy) in
     * {@link #WINDOW}. Nothing here counts per phone or ID number: anyone may type a worker's phone, and a limit on it
     * would let a stranger lock the worker out of following their own complaint. A query code (10 characters of 32)
     * cannot be guessed within the requester's limit; a wage code is limited per code and per send (WageSelfService).
     * The phone (or ID number) hash is kept with each attempt for the record.
     */
    void checkLimit(String address, String phoneHash) {
        Timestamp since = Timestamp.valueOf(LocalDateTime.now(clock).minus(WINDOW));
        long byAddress = jdbc.sql("SELECT count(*) FROM portal_attempt WHERE client_address = :a AND at > :since")
                .param("a", address).param("since", since).query(Long.class).single();
        if (byAddress >= LIMIT) {
            attempt("LIMITED", address, phoneHash, false);
            throw new RateLimited();
        }
    }

    void attempt(String action, String address, String phoneHash, boolean success) {
        jdbc.sql("""
                INSERT INTO portal_attempt (at, action, client_address, phone_hash, success)
                VALUES (:at, :action, :address, :phone, :success)
                """).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("action", action)
                .param("address", address == null ? "unknown" : address).param("phone", phoneHash)
                .param("success", success).update();
    }

    private String newCode() {
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }
}
