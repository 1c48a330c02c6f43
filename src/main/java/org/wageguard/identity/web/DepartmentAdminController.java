package org.wageguard.identity.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.shared.StaleEditException;
import org.wageguard.shared.Versioned;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OperationLog;
import org.wageguard.shared.RegionCode;

/** The department tree of the administrator's region (部门管理). */
@Controller
class DepartmentAdminController {

    record DepartmentForm(@NotBlank(message = "部门名称不能为空") @Size(max = 64) String name, Long parentId,
            @NotBlank(message = "请选择区划") String regionCode, @NotNull(message = "请选择类别") Departments.Kind kind,
            int sortOrder, Integer version) {
    }

    private final Departments departments;
    private final CodeTables codeTables;
    private final JdbcClient jdbc;
    private final OperationLog operationLog;
    private final MessageSource messages;

    DepartmentAdminController(Departments departments, CodeTables codeTables, JdbcClient jdbc,
            OperationLog operationLog, MessageSource messages) {
        this.departments = departments;
        this.codeTables = codeTables;
        this.jdbc = jdbc;
        this.operationLog = operationLog;
        this.messages = messages;
    }

    @GetMapping("/admin/departments")
    @PreAuthorize("hasAuthority('identity:dept:view')")
    String tree(Model model) {
        model.addAttribute("nodes", departments.asTree(departments.inRegion(prefix())));
        return "identity/departments";
    }

    @GetMapping("/admin/departments/new")
    @PreAuthorize("hasAuthority('identity:dept:edit')")
    String createForm(Model model) {
        model.addAttribute("form", new DepartmentForm("", null, CurrentOfficer.get().regionCode(),
                Departments.Kind.MEMBER_UNIT, 100, null));
        return form(model, null);
    }

    @GetMapping("/admin/departments/{id}/edit")
    @PreAuthorize("hasAuthority('identity:dept:edit')")
    String editForm(@PathVariable long id, Model model) {
        Departments.Department d = visible(id);
        model.addAttribute("form", new DepartmentForm(d.name(), d.parentId(), d.regionCode(), d.kind(), d.sortOrder(),
                d.version()));
        return form(model, id);
    }

    @PostMapping({"/admin/departments/new", "/admin/departments/{id}/edit"})
    @PreAuthorize("hasAuthority('identity:dept:edit')")
    @Transactional
    String save(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") DepartmentForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (id != null) {
            visible(id);
        }
        if (form.regionCode() != null && !form.regionCode().startsWith(prefix())) {
            errors.rejectValue("regionCode", "scope", "只能在本人所辖区划内设置部门");
        }
        if (form.parentId() != null && (departments.find(form.parentId()).filter(p -> p.regionCode().startsWith(prefix()))
                .isEmpty() || id != null && departments.subtree(id).contains(form.parentId()))) {
            errors.rejectValue("parentId", "invalid", "上级部门无效（不能选择本部门或其下级）");
        }
        if (errors.hasErrors()) {
            return form(model, id);
        }
        try {
            if (id == null) {
                long created = jdbc.sql("""
                        INSERT INTO department (parent_id, region_code, name, kind, sort_order, created_by, updated_by)
                        VALUES (:parent, :region, :name, :kind, :sort, :actor, :actor) RETURNING id
                        """).param("parent", form.parentId()).param("region", form.regionCode())
                        .param("name", form.name().trim()).param("kind", form.kind().name())
                        .param("sort", form.sortOrder()).param("actor", CurrentOfficer.get().username())
                        .query(Long.class).single();
                operationLog.record("DEPT_CREATE", "department", created, "新增部门 " + form.name());
            } else {
                try {
                    Versioned.update(jdbc, "department", "parent_id = :parent, region_code = :region, name = :name, kind = :kind, sort_order = :sort")
                            .param("parent", form.parentId()).param("region", form.regionCode())
                            .param("name", form.name().trim()).param("kind", form.kind().name())
                            .param("sort", form.sortOrder()).by(CurrentOfficer.get().username())
                            .existingRow(id, form.version() == null ? -1 : form.version());
                } catch (StaleEditException e) {
                    model.addAttribute("error", e.getMessage());
                    return form(model, id);
                }
                operationLog.record("DEPT_UPDATE", "department", id, "修改部门 " + form.name());
            }
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", text("dept.nameTaken"));
            return form(model, id);
        }
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/admin/departments";
    }

    private String form(Model model, Long id) {
        model.addAttribute("departmentId", id);
        model.addAttribute("nodes", departments.asTree(departments.inRegion(prefix())));
        model.addAttribute("regions", codeTables.regionSubtree(prefix()));
        model.addAttribute("kinds", Departments.Kind.values());
        return "identity/department-form";
    }

    private Departments.Department visible(long id) {
        return departments.find(id).filter(d -> d.regionCode().startsWith(prefix()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String prefix() {
        return RegionCode.of(CurrentOfficer.get().regionCode()).subtreePrefix();
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
