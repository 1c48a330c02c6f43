package org.wageguard.identity.web;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.identity.Listing;
import org.wageguard.shared.Rows;

/**
 * The login and operation logs as their pages and ledgers read them: one selection per filter, newest first, a page
 * of it for the list and all of it for the export.
 */
@Component
class AuditLogs {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record LoginRow(Timestamp at, String username, boolean success, String reason, String ip, String userAgent) {
    }

    record OperationRow(Timestamp at, String username, String action, String targetType, String targetId,
            String detail, String ip, String result) {
    }

    /** The login log's filters as they arrive in the query string. */
    record LoginFilter(String username, Boolean success,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    /** The operation log's filters as they arrive in the query string. */
    record OperationFilter(String username, String action, String result, String target,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    private record Selection(String table, String columns, String where, Map<String, Object> params) {
    }

    private final JdbcClient jdbc;

    AuditLogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Listing<LoginRow> logins(LoginFilter f, int page, IntFunction<String> linker) {
        return page(select(f), page, LoginRow.class, linker);
    }

    List<LoginRow> allLogins(LoginFilter f) {
        return all(select(f), LoginRow.class);
    }

    Listing<OperationRow> operations(OperationFilter f, int page, IntFunction<String> linker) {
        return page(select(f), page, OperationRow.class, linker);
    }

    List<OperationRow> allOperations(OperationFilter f) {
        return all(select(f), OperationRow.class);
    }

    /** The actions the operation log holds, for its filter. */
    List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM operation_log ORDER BY action").query(String.class).list();
    }

    /** A filter's values by their query parameter names, in order, for its page's form and links. */
    static Map<String, Object> values(Record filter) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : filter.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(filter));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** A link to a page (or, with no page, the ledger) of the same selection. */
    static String link(String path, Integer page, Map<String, ?> filters) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filters.forEach((k, v) -> b.queryParam(k, v == null ? "" : v.toString()));
        if (page != null) {
            b.queryParam("page", page);
        }
        return b.encode().toUriString();
    }

    private static Selection select(LoginFilter f) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = period(where, f.from(), f.to());
        username(where, params, f.username());
        if (f.success() != null) {
            where.append(" AND success = :s");
            params.put("s", f.success());
        }
        return new Selection("login_log", "at, username, success, reason, ip, user_agent", where.toString(), params);
    }

    private static Selection select(OperationFilter f) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = period(where, f.from(), f.to());
        username(where, params, f.username());
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" AND action = :a");
            params.put("a", f.action().trim());
        }
        if (f.result() != null && !f.result().isBlank()) {
            where.append(" AND result = :r");
            params.put("r", f.result());
        }
        if (f.target() != null && !f.target().isBlank()) {
            where.append(" AND (target_type || ':' || COALESCE(target_id, '')) ILIKE :t");
            params.put("t", "%" + f.target().trim() + "%");
        }
        return new Selection("operation_log", "at, username, action, target_type, target_id, detail, ip, result",
                where.toString(), params);
    }

    private <T> Listing<T> page(Selection s, int page, Class<T> type, IntFunction<String> linker) {
        long total = jdbc.sql("SELECT count(*) FROM " + s.table() + s.where()).params(s.params()).query(Long.class)
                .single();
        Map<String, Object> params = new HashMap<>(s.params());
        params.put("limit", Listing.DEFAULT_SIZE);
        params.put("offset", Listing.offset(page, Listing.DEFAULT_SIZE));
        List<T> rows = jdbc.sql(sql(s) + " LIMIT :limit OFFSET :offset").params(params).query(Rows.of(type)).list();
        return new Listing<>(rows, total, Math.max(1, page), Listing.DEFAULT_SIZE, linker);
    }

    private <T> List<T> all(Selection s, Class<T> type) {
        return jdbc.sql(sql(s)).params(s.params()).query(Rows.of(type)).list();
    }

    private static String sql(Selection s) {
        return "SELECT " + s.columns() + " FROM " + s.table() + s.where() + " ORDER BY at DESC, id DESC";
    }

    private static void username(StringBuilder where, Map<String, Object> params, String username) {
        if (username != null && !username.isBlank()) {
            where.append(" AND username ILIKE :u");
            params.put("u", "%" + username.trim() + "%");
        }
    }

    private static Map<String, Object> period(StringBuilder where, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.append(" AND at >= :from");
            params.put("from", Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
        }
        if (to != null) {
            where.append(" AND at < :to");
            params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
        return params;
    }
}
