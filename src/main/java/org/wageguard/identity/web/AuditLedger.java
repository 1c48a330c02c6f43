package org.wageguard.identity.web;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wageguard.shared.imports.LedgerWorkbook;

/**
 * The login and operation logs as Excel ledgers: the columns and values of their pages, in Chinese. Nothing is
 * masked that the page shows in full, and nothing is shown that the page does not.
 */
@Component
class AuditLedger {

    private static final List<String> LOGIN_COLUMNS = List.of("audit.time", "audit.username", "audit.result",
            "audit.reason", "audit.ip", "audit.userAgent");
    private static final List<String> OPERATION_COLUMNS = List.of("audit.time", "audit.username", "audit.action",
            "audit.target", "audit.detail", "audit.ip", "audit.result");

    private final MessageSource messages;

    AuditLedger(MessageSource messages) {
        this.messages = messages;
    }

    String loginTitle() {
        return text("audit.loginTitle");
    }

    String operationTitle() {
        return text("audit.operationTitle");
    }

    /** What the operation log says of an export: which log, which selection. */
    String exportNote(String title, String selection) {
        return messages.getMessage("audit.exported", new Object[] {title, selection}, Locale.SIMPLIFIED_CHINESE);
    }

    byte[] logins(List<AuditLogs.LoginRow> logins) {
        List<List<?>> rows = new ArrayList<>(logins.size());
        for (AuditLogs.LoginRow r : logins) {
            rows.add(Arrays.asList(time(r.at()), r.username(), text(r.success() ? "audit.success" : "audit.failure"),
                    text("login.reason." + r.reason(), r.reason()), r.ip(), r.userAgent()));
        }
        return LedgerWorkbook.toXlsx(loginTitle(), LOGIN_COLUMNS.stream().map(this::text).toList(), rows);
    }

    byte[] operations(List<AuditLogs.OperationRow> operations) {
        List<List<?>> rows = new ArrayList<>(operations.size());
        for (AuditLogs.OperationRow r : operations) {
            rows.add(Arrays.asList(time(r.at()), "system".equals(r.username()) ? text("audit.system") : r.username(),
                    text("audit.action." + r.action(), r.action()),
                    r.targetType() + (r.targetId() != null ? ":" + r.targetId() : ""), r.detail(), r.ip(),
                    text("enum.Result." + r.result(), r.result())));
        }
        return LedgerWorkbook.toXlsx(operationTitle(), OPERATION_COLUMNS.stream().map(this::text).toList(), rows);
    }

    private static String time(Timestamp at) {
        return LedgerWorkbook.time(at.toLocalDateTime());
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
    }
}
