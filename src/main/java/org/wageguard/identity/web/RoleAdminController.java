package org.wageguard.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.OperationLog;
import org.wageguard.identity.internal.OfficerAccounts;
import org.wageguard.shared.Rows;

/** Roles and their permission codes (角色权限), configured by the security administrator. */
@Controller
class RoleAdminController {

    record RoleRow(String code, String name, String dataScope, String description, String permissions, int version) {
        public List<String> permissionList() {
            return permissions == null || permissions.isEmpty() ? List.of() : List.of(permissions.split(","));
        }
    }

    record PermissionRow(String code, String name, String module) {
    }

    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final MessageSource messages;

    RoleAdminController(JdbcClient jdbc, OperationLog operationLog, MessageSource messages) {
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    @GetMapping("/admin/roles")
    @PreAuthorize("hasAuthority('identity:role:view')")
    String roles(Model model) {
        model.addAttribute("roles", jdbc.sql("""
                SELECT r.code, r.name, r.data_scope, r.description,
                       COALESCE((SELECT string_agg(p.permission_code, ',' ORDER BY p.permission_code)
                                  FROM role_permission p WHERE p.role_code = r.code), '') AS permissions, r.version
                  FROM role r ORDER BY r.sort_order
                """).query(Rows.of(RoleRow.class)).list());
        model.addAttribute("permissions", permissions());
        return "identity/roles";
    }

    @PostMapping("/admin/roles/{code}")
    @PreAuthorize("hasAuthority('identity:role:edit')")
    @Transactional
    String save(@PathVariable String code, @RequestParam(required = false) Set<String> permissions,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        if (jdbc.sql("SELECT count(*) FROM role WHERE code = :c").param("c", code).query(Integer.class).single() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Set<String> chosen = permissions == null ? Set.of() : permissions;
        Set<String> known = Set.copyOf(permissions().stream().map(PermissionRow::code).toList());
        if (!known.containsAll(chosen)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        // 三员分立: the three administrators' permissions are fixed at installation, and the powers of
        // administration (accounts, passwords, grants, role permissions, the audit trail) stay with them.
        if (OfficerAccounts.ADMINISTRATOR_ROLES.contains(code)) {
            refuse(code, "三员（系统管理员、安全管理员、审计管理员）的权限在安装时确定，不能在此修改（三员分立）。", redirect);
            return "redirect:/admin/roles";
        }
        if (chosen.stream().anyMatch(OfficerAccounts.ADMINISTRATION_PERMISSIONS::contains)) {
            refuse(code, "账号管理、密码重置、授予角色、配置角色权限和查阅审计日志的权限只属于三员，不能授予业务角色（三员分立）。",
                    redirect);
            return "redirect:/admin/roles";
        }
        // The permissions as the administrator saw them: a concurrent change is refused, not overwritten.
        Versioned.update(jdbc, "role", "").key("code").by(CurrentOfficer.get().username()).existingRow(code, version);
        jdbc.sql("DELETE FROM role_permission WHERE role_code = :c").param("c", code).update();
        for (String p : chosen) {
            jdbc.sql("INSERT INTO role_permission (role_code, permission_code) VALUES (:c, :p)")
                    .param("c", code).param("p", p).update();
        }
        operationLog.record("ROLE_PERMISSIONS", "role", code, "设置角色权限 " + chosen);
        redirect.addFlashAttribute("flash", messages.getMessage("role.saved", null, Locale.SIMPLIFIED_CHINESE));
        return "redirect:/admin/roles";
    }

    private void refuse(String code, String message, RedirectAttributes redirect) {
        operationLog.recordOutcome("ROLE_PERMISSIONS", "role", code, "拒绝：" + message, OperationLog.Result.DENIED);
        redirect.addFlashAttribute("error", message);
    }

    private List<PermissionRow> permissions() {
        return jdbc.sql("SELECT code, name, module FROM permission ORDER BY module, code").query(Rows.of(PermissionRow.class)).list();
    }
}
