package org.wageguard.identity.web;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.internal.SecuritySettings;

/**
 * The login and operation logs, read-only, for the audit administrator alone (安全审计); each exports as a ledger
 * with its page's filters, and the export is itself logged.
 */
@Controller
@PreAuthorize("hasAuthority('identity:audit:view')")
class AuditLogController {

    private final AuditLogs logs;
    private final AuditLedger ledger;
    private final OperationLog operationLog;
    private final SecuritySettings settings;

    AuditLogController(AuditLogs logs, AuditLedger ledger, OperationLog operationLog, SecuritySettings settings) {
        this.logs = logs;
        this.ledger = ledger;
        this.operationLog = operationLog;
        this.settings = settings;
    }

    @GetMapping("/audit/logins")
    String logins(AuditLogs.LoginFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        Map<String, Object> filters = AuditLogs.values(filter);
        model.addAttribute("page", logs.logins(filter, page, p -> AuditLogs.link("/audit/logins", p, filters)));
        return view(model, filters, "/audit/logins.xlsx", "identity/audit-logins");
    }

    @GetMapping("/audit/logins.xlsx")
    ResponseEntity<byte[]> loginLedger(AuditLogs.LoginFilter filter) {
        byte[] xlsx = ledger.logins(logs.allLogins(filter));
        return exported("login_log", "/audit/logins", AuditLogs.values(filter), ledger.loginTitle(), xlsx);
    }

    @GetMapping("/audit/operations")
    String operations(AuditLogs.OperationFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        Map<String, Object> filters = AuditLogs.values(filter);
        model.addAttribute("actions", logs.actions());
        model.addAttribute("page", logs.operations(filter, page, p -> AuditLogs.link("/audit/operations", p, filters)));
        return view(model, filters, "/audit/operations.xlsx", "identity/audit-operations");
    }

    @GetMapping("/audit/operations.xlsx")
    ResponseEntity<byte[]> operationLedger(AuditLogs.OperationFilter filter) {
        byte[] xlsx = ledger.operations(logs.allOperations(filter));
        return exported("operation_log", "/audit/operations", AuditLogs.values(filter), ledger.operationTitle(), xlsx);
    }

    private String view(Model model, Map<String, Object> filters, String ledgerPath, String template) {
        model.addAllAttributes(filters);
        model.addAttribute("ledgerLink", AuditLogs.link(ledgerPath, null, filters));
        model.addAttribute("retentionDays", settings.audit().retentionDays());
        return template;
    }

    /** Hands the ledger out and records who took which selection of the log. */
    private ResponseEntity<byte[]> exported(String log, String path, Map<String, Object> filters, String title,
            byte[] xlsx) {
        operationLog.record("AUDIT_EXPORT", log, null, ledger.exportNote(title, AuditLogs.link(path, null, filters)));
        return Downloads.xlsx(title, xlsx);
    }
}
