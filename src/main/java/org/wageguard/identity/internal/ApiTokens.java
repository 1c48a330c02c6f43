package org.wageguard.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.Rows;

/**
 * API tokens of the organisations that feed data in (a bank's disbursements, a contractor's roster, attendance
 * and payroll). A token acts as the organisation's account, with that account's permissions and data scope; it is
 * shown once when issued and kept only as a SHA-256 hash; revoking it stops it at the next call. It expires after
 * {@code wageguard.security.api-token.validity} (one year by default), and it stops while its account is disabled
 * or locked after failed logins.
 */
@Service
public class ApiTokens {

    /** The roles whose accounts may hold a token: the outside organisations, never an officer. */
    static final List<String> HOLDER_ROLES = List.of("BANK", "CONTRACTOR");
    static final String PREFIX = "wg_";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public record Token(long id, long officerId, String username, String organisationName, String label,
            String tokenPrefix, LocalDateTime createdAt, String createdBy, LocalDateTime revokedAt, String revokedBy,
            LocalDateTime lastUsedAt, long uses, LocalDateTime expiresAt, boolean expired) {
    }

    /** A token just issued: its text, seen only now, and when it expires (China time). */
    public record Issued(String token, LocalDateTime expiresAt) {
    }

    public record Use(LocalDateTime at, String method, String path, int status, String remote) {
    }

    public record Holder(long id, String username, String displayName, String organisationName) {
    }

    /** A token that authenticated: its id and the principal it acts as. */
    public record Authenticated(long tokenId, OfficerPrincipal principal) {
    }

    private final JdbcClient jdbc;
    private final OfficerDetailsService officers;
    private final OperationLog operationLog;
    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, OfficerDetailsService officers, OperationLog operationLog, Clock clock,
            SecuritySettings settings) {
        this.jdbc = jdbc;
        this.officers = officers;
        this.operationLog = operationLog;
        this.clock = clock;
        this.validity = settings.apiToken().validity();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues a token for an organisation's account; the returned text is the only time it is seen. */
    @Transactional
    public Issued issue(long officerId, String label, String actor) {
        Holder holder = holders().stream().filter(h -> h.id() == officerId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a bank or contractor account"));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        long id = jdbc.sql("""
                INSERT INTO api_token (officer_id, label, token_prefix, token_hash, created_by, created_at, expires_at)
                VALUES (:o, :l, :p, :h, :by, :at, :expires) RETURNING id
                """).param("o", officerId).param("l", label == null || label.isBlank() ? holder.organisationName() : label.trim())
                .param("p", token.substring(0, 10)).param("h", hash(token)).param("by", actor)
                .param("at", Timestamp.from(now)).param("expires", Timestamp.from(expires)).query(Long.class).single();
        LocalDateTime expiresAt = LocalDateTime.ofInstant(expires, CHINA);
        operationLog.record("API_TOKEN_ISSUE", "api_token", id, "为 " + holder.organisationName() + "（" + holder.username()
                + "）签发数据接口令牌 " + token.substring(0, 10) + "…，有效期至 " + expiresAt.toLocalDate());
        return new Issued(token, expiresAt);
    }

    @Transactional
    public boolean revoke(long id, String actor) {
        int rows = jdbc.sql("UPDATE api_token SET revoked_at = now(), revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("by", actor).param("id", id).update();
        if (rows == 1) {
            operationLog.record("API_TOKEN_REVOKE", "api_token", id, "吊销数据接口令牌");
        }
        return rows == 1;
    }

    /**
     * The principal a presented token acts as, if the token is known, not revoked, not expired and its account
     * usable: enabled, not locked after failed logins (nor after wrong old passwords), and its owner has replaced any
     * one-time password an administrator set (三员分立: a token does not let the system administrator act as an
     * account it opened or reset before its owner has taken it over).
     */
    @Transactional
    public Optional<Authenticated> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        record Row(long id, String username) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT t.id, o.username FROM api_token t JOIN officer o ON o.id = t.officer_id
                 WHERE t.token_hash = :h AND t.revoked_at IS NULL AND t.expires_at > :now
                   AND o.enabled AND NOT o.password_must_change AND (o.locked_until IS NULL OR o.locked_until <= :now)
                """).param("h", hash(presented)).param("now", Timestamp.from(clock.instant()))
                .query(Rows.of(Row.class)).optional();
        return row.map(r -> {
            jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id").param("id", r.id()).update();
            return new Authenticated(r.id(), officers.loadUserByUsername(r.username()).withoutSecret());
        });
    }

    /** Logs one call, whether or not its token was good; its own transaction, so a failed call is logged too. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordUse(Long tokenId, String method, String path, int status, String remote) {
        jdbc.sql("""
                INSERT INTO api_token_use (token_id, method, path, status, remote) VALUES (:t, :m, :p, :s, :r)
                """).param("t", tokenId).param("m", method).param("p", path.length() > 300 ? path.substring(0, 300) : path)
                .param("s", status).param("r", remote).update();
    }

    public List<Token> list() {
        return jdbc.sql("""
                SELECT t.id, t.officer_id, o.username, o.organisation_name, t.label, t.token_prefix,
                       t.created_at AT TIME ZONE 'Asia/Shanghai' AS created_at, t.created_by,
                       t.revoked_at AT TIME ZONE 'Asia/Shanghai' AS revoked_at, t.revoked_by,
                       t.last_used_at AT TIME ZONE 'Asia/Shanghai' AS last_used_at,
                       (SELECT count(*) FROM api_token_use u WHERE u.token_id = t.id) AS uses,
                       t.expires_at AT TIME ZONE 'Asia/Shanghai' AS expires_at, t.expires_at <= :now AS expired
                  FROM api_token t JOIN officer o ON o.id = t.officer_id ORDER BY t.revoked_at IS NULL DESC, t.id DESC
                """).param("now", Timestamp.from(clock.instant())).query(Rows.of(Token.class)).list();
    }

    public List<Use> uses(long tokenId, int limit) {
        return jdbc.sql("""
                SELECT at AT TIME ZONE 'Asia/Shanghai' AS at, method, path, status, remote FROM api_token_use
                 WHERE token_id = :t ORDER BY at DESC, id DESC LIMIT :limit
                """).param("t", tokenId).param("limit", limit).query(Rows.of(Use.class)).list();
    }

    /**
     * The accounts a token may be issued for: banks' and contractors' accounts, enabled, whose owners have set their
     * own password (not one still on the one-time password the system administrator knows).
     */
    public List<Holder> holders() {
        return jdbc.sql("""
                SELECT DISTINCT o.id, o.username, o.display_name, COALESCE(o.organisation_name, o.display_name) AS organisation_name
                  FROM officer o JOIN officer_role r ON r.officer_id = o.id
                 WHERE o.enabled AND NOT o.password_must_change AND r.role_code IN (:roles) ORDER BY organisation_name, o.username
                """).param("roles", HOLDER_ROLES).query(Rows.of(Holder.class)).list();
    }
}
