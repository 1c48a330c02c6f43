package org.wageguard.identity.web;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.identity.Listing;
import org.wageguard.identity.internal.SecuritySettings;

/** The login and operation logs, read-only, for the audit administrator alone (安全审计). */
@Controller
@PreAuthorize("hasAuthority('identity:audit:view')")
class AuditLogController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record LoginRow(Timestamp at, String username, boolean success, String reason, String ip, String userAgent) {
    }

    record OperationRow(Timestamp at, String username, String action, String targetType, String targetId,
            String detail, String ip, String result) {
    }

    private final JdbcClient jdbc;
    private final SecuritySettings settings;

    AuditLogController(JdbcClient jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @GetMapping("/audit/logins")
    String logins(@RequestParam(required = false) String username, @RequestParam(required = false) Boolean success,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = period(where, from, to);
        if (username != null && !username.isBlank()) {
            where.append(" AND username ILIKE :u");
            params.put("u", "%" + username.trim() + "%");
        }
        if (success != null) {
            where.append(" AND success = :s");
            params.put("s", success);
        }
        long total = jdbc.sql("SELECT count(*) FROM login_log" + where).params(params).query(Long.class).single();
        params.put("limit", Listing.DEFAULT_SIZE);
        params.put("offset", Listing.offset(page, Listing.DEFAULT_SIZE));
        List<LoginRow> rows = jdbc.sql("SELECT at, username, success, reason, ip, user_agent FROM login_log" + where
                + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset").params(params).query(LoginRow.class).list();
        model.addAttribute("page", new Listing<>(rows, total, Math.max(1, page), Listing.DEFAULT_SIZE,
                p -> link("/audit/logins", p, Map.of("username", username, "success", success, "from", from, "to", to))));
        model.addAttribute("username", username);
        model.addAttribute("success", success);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("retentionDays", settings.audit().retentionDays());
        return "identity/audit-logins";
    }

    @GetMapping("/audit/operations")
    String operations(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
            @RequestParam(required = false) String result, @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = period(where, from, to);
        if (username != null && !username.isBlank()) {
            where.append(" AND username ILIKE :u");
            params.put("u", "%" + username.trim() + "%");
        }
        if (action != null && !action.isBlank()) {
            where.append(" AND action = :a");
            params.put("a", action.trim());
        }
        if (result != null && !result.isBlank()) {
            where.append(" AND result = :r");
            params.put("r", result);
        }
        if (target != null && !target.isBlank()) {
            where.append(" AND (target_type || ':' || COALESCE(target_id, '')) ILIKE :t");
            params.put("t", "%" + target.trim() + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM operation_log" + where).params(params).query(Long.class).single();
        params.put("limit", Listing.DEFAULT_SIZE);
        params.put("offset", Listing.offset(page, Listing.DEFAULT_SIZE));
        List<OperationRow> rows = jdbc.sql("SELECT at, username, action, target_type, target_id, detail, ip, result"
                + " FROM operation_log" + where + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(OperationRow.class).list();
        Map<String, Object> filters = new HashMap<>();
        filters.put("username", username);
        filters.put("action", action);
        filters.put("result", result);
        filters.put("target", target);
        filters.put("from", from);
        filters.put("to", to);
        model.addAllAttributes(filters);
        model.addAttribute("actions", jdbc.sql("SELECT DISTINCT action FROM operation_log ORDER BY action")
                .query(String.class).list());
        model.addAttribute("page", new Listing<>(rows, total, Math.max(1, page), Listing.DEFAULT_SIZE,
                p -> link("/audit/operations", p, filters)));
        model.addAttribute("retentionDays", settings.audit().retentionDays());
        return "identity/audit-operations";
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

    private static String link(String path, int page, Map<String, ?> filters) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filters.forEach((k, v) -> b.queryParam(k, v == null ? "" : v.toString()));
        return b.queryParam("page", page).encode().toUriString();
    }
}
