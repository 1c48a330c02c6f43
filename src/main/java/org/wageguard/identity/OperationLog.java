package org.wageguard.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wageguard.identity.internal.LogMasking;

/**
 * The operation log (操作日志): who did what to which record, when, from where, with what result. Append-only
 * in the database; details pass through masking so that no ID or card number is ever stored in clear.
 */
@Service
public class OperationLog {

    public enum Result { SUCCESS, FAILURE, DENIED }

    private final JdbcClient jdbc;

    OperationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records within the caller's transaction: if the change rolls back, so does its record. */
    @Transactional
    public void record(String action, String targetType, Object targetId, String detail) {
        write(action, targetType, targetId, detail, Result.SUCCESS);
    }

    /** Records a refusal or failure even though the caller's transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOutcome(String action, String targetType, Object targetId, String detail, Result result) {
        write(action, targetType, targetId, detail, result);
    }

    private void write(String action, String targetType, Object targetId, String detail, Result result) {
        Optional<OfficerPrincipal> officer = CurrentOfficer.find();
        jdbc.sql("""
                INSERT INTO operation_log (officer_id, username, action, target_type, target_id, detail, ip, result)
                VALUES (:officerId, :username, :action, :targetType, :targetId, :detail, :ip, :result)
                """)
                .param("officerId", officer.map(OfficerPrincipal::id).orElse(null))
                .param("username", officer.map(OfficerPrincipal::username).orElse("system"))
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId == null ? null : LogMasking.mask(String.valueOf(targetId)))
                .param("detail", detail == null ? null : truncate(LogMasking.mask(detail), 1000))
                .param("ip", clientAddress())
                .param("result", result.name())
                .update();
    }

    public static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
