package org.wageguard.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed logins, locks an account after too many, and writes the login log (登录日志). */
@Service
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final SecuritySettings.Lockout lockout;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.lockout = settings.lockout();
        this.clock = clock;
    }

    /** A wrong password: one more failure, and a lock once the limit is reached. Returns true if now locked. */
    @Transactional
    public boolean failed(String username) {
        Integer failures = jdbc.sql("""
                UPDATE officer SET failed_attempts = failed_attempts + 1 WHERE username = :username
                RETURNING failed_attempts
                """).param("username", username).query(Integer.class).optional().orElse(null);
        if (failures != null && failures >= lockout.maxFailures()) {
            Instant until = clock.instant().plus(lockout.duration());
            jdbc.sql("UPDATE officer SET locked_until = :until, failed_attempts = 0 WHERE username = :username")
                    .param("until", Timestamp.from(until)).param("username", username).update();
            return true;
        }
        return false;
    }

    @Transactional
    public void succeeded(String username) {
        jdbc.sql("""
                UPDATE officer SET failed_attempts = 0, locked_until = NULL, last_login_at = :now
                 WHERE username = :username
                """).param("now", Timestamp.from(clock.instant())).param("username", username).update();
    }

    @Transactional
    public void log(String username, boolean success, String reason, String ip, String userAgent) {
        Long officerId = jdbc.sql("SELECT id FROM officer WHERE username = :u").param("u", username)
                .query(Long.class).optional().orElse(null);
        jdbc.sql("""
                INSERT INTO login_log (username, officer_id, success, reason, ip, user_agent, at)
                VALUES (:username, :officerId, :success, :reason, :ip, :agent, :at)
                """)
                .param("username", LogMasking.mask(truncate(username, 64)))
                .param("officerId", officerId)
                .param("success", success)
                .param("reason", reason)
                .param("ip", ip)
                .param("agent", userAgent == null ? null : truncate(userAgent, 256))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
