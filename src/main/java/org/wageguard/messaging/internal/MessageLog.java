package org.wageguard.messaging.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Listing;
import org.wageguard.identity.ScopeColumns;
import org.wageguard.identity.ScopePredicate;
import org.wageguard.identity.SensitiveData;

/**
 * The message log as officers read it, within their data scope (the message's region, or the department that answers
 * for it); one-time codes, which belong to no region, are seen by region-wide readers. Phones only masked.
 */
@Service
@Transactional(readOnly = true)
public class MessageLog {

    static final ScopeColumns SCOPE = ScopeColumns.of("m.region_code", "m.department_id", null, null, null);

    public record Row(long id, LocalDateTime createdAt, String kind, String recipientKind, String phoneMasked,
            String body, String status, String reason, int attempts, LocalDateTime nextAttemptAt, LocalDateTime sentAt,
            String gatewayAnswer) {
    }

    public record Filter(String kind, String status, String phone, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final SensitiveData sensitive;

    MessageLog(JdbcClient jdbc, SensitiveData sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    public Listing<Row> list(DataScope scope, Filter filter, int page, int size, IntFunction<String> linker) {
        ScopePredicate predicate = scope.predicate(SCOPE);
        StringBuilder where = new StringBuilder(" WHERE (").append(predicate.sql());
        if (scope.type() == DataScopeType.REGION) {
            where.append(" OR m.region_code IS NULL");
        }
        where.append(")");
        Map<String, Object> params = new HashMap<>(predicate.parameters());
        if (filter.kind() != null && !filter.kind().isBlank()) {
            where.append(" AND m.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" AND m.status = :status");
            params.put("status", filter.status());
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            where.append(" AND m.phone_hash = :hash");
            params.put("hash", sensitive.index(filter.phone()));
        }
        if (filter.from() != null) {
            where.append(" AND m.created_at >= :from");
            params.put("from", Timestamp.valueOf(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            where.append(" AND m.created_at < :to");
            params.put("to", Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()));
        }
        long total = jdbc.sql("SELECT count(*) FROM sms_message m" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", Listing.offset(page, size));
        List<Row> rows = jdbc.sql("""
                SELECT m.id, m.created_at AT TIME ZONE 'Asia/Shanghai' AS created_at, m.kind, m.recipient_kind,
                       m.phone_masked, m.body, m.status, m.reason, m.attempts,
                       m.next_attempt_at AT TIME ZONE 'Asia/Shanghai' AS next_attempt_at,
                       m.sent_at AT TIME ZONE 'Asia/Shanghai' AS sent_at, m.gateway_answer
                  FROM sms_message m""" + where + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(org.wageguard.shared.Rows.of(Row.class)).list();
        return new Listing<>(rows, total, Math.max(page, 1), size, linker);
    }
}
