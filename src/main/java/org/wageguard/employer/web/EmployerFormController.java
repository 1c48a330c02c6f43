package org.wageguard.employer.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.wageguard.shared.StaleEditException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.OperatingStatus;
import org.wageguard.employer.internal.EmployerChecks;
import org.wageguard.employer.internal.EmployerDraft;
import org.wageguard.employer.internal.EmployerFields;
import org.wageguard.employer.internal.EmployerLedger;
import org.wageguard.employer.internal.EmployerRefresh;
import org.wageguard.employer.internal.EmployerRegistry;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;

/**
 * Registering and editing an employer. The form passes Bean Validation, then the same {@link EmployerChecks} as an
 * import row (the credit code's GB 32100 check names which check failed). An edit carries the version it was
 * opened at: if someone saved in between, the second editor is told and nothing is overwritten.
 */
@Controller
@RequestMapping("/employers")
class EmployerFormController {

    record EmployerForm(
            @NotBlank(message = "{employer.validation.required}") @Size(max = 128, message = "{employer.validation.size}") String name,
            @NotBlank(message = "{employer.validation.required}") @Size(max = 18, message = "{employer.validation.size}") String creditCode,
            @NotNull(message = "{employer.validation.required}") EmployerType type,
            @NotBlank(message = "{employer.validation.required}") String industryCode,
            @NotBlank(message = "{employer.validation.required}") String regionCode,
            @NotNull(message = "{employer.validation.required}") Long supervisingDepartmentId,
            @Size(max = 256, message = "{employer.validation.size}") String address,
            @Size(max = 64, message = "{employer.validation.size}") String legalRepresentative,
            @Size(max = 64, message = "{employer.validation.size}") String contactPerson,
            String contactPhone, Boolean laborIntensive, Boolean keyEnterprise,
            @Size(max = 32, message = "{employer.validation.size}") String gridCode,
            @NotNull(message = "{employer.validation.required}") OperatingStatus operatingStatus,
            @PositiveOrZero(message = "{employer.validation.count}") Integer employeeCount,
            Integer version) {

        EmployerFields fields() {
            return new EmployerFields(name, creditCode, type, industryCode, regionCode, supervisingDepartmentId, address,
                    legalRepresentative, contactPerson, contactPhone, Boolean.TRUE.equals(laborIntensive),
                    Boolean.TRUE.equals(keyEnterprise), gridCode,
                    operatingStatus,
                    employeeCount);
        }
    }

    private final EmployerRegistry registry;
    private final EmployerChecks checks;
    private final Support support;
    private final EmployerRefresh refresh;

    EmployerFormController(EmployerRegistry registry, EmployerChecks checks, Support support, EmployerRefresh refresh) {
        this.registry = registry;
        this.checks = checks;
        this.support = support;
        this.refresh = refresh;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('employer:employer:edit')")
    String createForm(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        // Start from where the officer's own scope puts a new employer, so that it stays visible to them.
        DataScope scope = me.scope();
        model.addAttribute("form", new EmployerForm("", "", null, null, me.regionCode(),
                me.departmentId(), null, null, null, null, false, false, scope.gridCode(), OperatingStatus.NORMAL, null, null));
        return form(model, null);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('employer:employer:edit')")
    String create(@Valid @ModelAttribute("form") EmployerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        EmployerDraft draft = check(form, errors);
        if (draft != null && registry.idOf(draft.creditCode().value()).isPresent()) {
            errors.rejectValue("creditCode", "taken", support.text("employer.creditCodeTaken"));
        }
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            long id = registry.register(draft);
            refreshedByGridWorker(id);
            redirect.addFlashAttribute("flash", support.text("common.saved"));
            return "redirect:/employers/" + id;
        } catch (DuplicateKeyException e) {
            // Someone registered the same code between our check and our insert.
            errors.rejectValue("creditCode", "taken", support.text("employer.creditCodeTaken"));
            return form(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('employer:employer:edit')")
    String editForm(@PathVariable long id, Model model) {
        EmployerLedger.EmployerView e = support.visible(id);
        model.addAttribute("form", new EmployerForm(e.name(), e.creditCode(), e.type(), e.industryCode(),
                e.regionCode(), e.supervisingDepartmentId(), e.address(), e.legalRepresentative(), e.contactPerson(),
                null, e.laborIntensive(), e.keyEnterprise(), e.gridCode(), e.operatingStatus(), e.employeeCount(), e.version()));
        model.addAttribute("employer", e);
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('employer:employer:edit')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") EmployerForm submitted, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        EmployerLedger.EmployerView existing = support.visible(id);
        // The credit code is the employer's identity (projects keep it for their scope): it is not edited here.
        // A phone left empty keeps the stored one, which the form never shows in full.
        EmployerForm form = new EmployerForm(submitted.name(), existing.creditCode(), submitted.type(),
                submitted.industryCode(), submitted.regionCode(), submitted.supervisingDepartmentId(),
                submitted.address(), submitted.legalRepresentative(), submitted.contactPerson(),
                submitted.contactPhone(), submitted.laborIntensive(), submitted.keyEnterprise(), submitted.gridCode(), submitted.operatingStatus(),
                submitted.employeeCount(), submitted.version());
        model.addAttribute("employer", existing);
        EmployerDraft draft = check(form, errors);
        if (errors.hasErrors()) {
            return form(model, id);
        }
        try {
            registry.update(id, form.version() == null ? -1 : form.version(), draft,
                    form.contactPhone() == null || form.contactPhone().isBlank());
        } catch (StaleEditException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, id);
        }
        refreshedByGridWorker(id);
        redirect.addFlashAttribute("flash", support.text("common.saved"));
        return "redirect:/employers/" + id;
    }

    /** A grid worker who registers or edits an employer of their grid has verified it: its refresh clock restarts. */
    private void refreshedByGridWorker(long id) {
        OfficerPrincipal me = CurrentOfficer.get();
        if (me.scope().type() == DataScopeType.GRID && me.hasPermission("employer:grid:refresh")) {
            refresh.confirm(me.scope(), id);
        }
    }

    /** Runs the shared checks and puts their reasons on the fields that Bean Validation left alone. */
    private EmployerDraft check(EmployerForm form, BindingResult errors) {
        EmployerChecks.Checked checked = checks.check(form.fields(), checks.reference(CurrentOfficer.get().scope()));
        checked.problems().forEach((field, reason) -> {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "invalid", reason);
            }
        });
        return checked.draft();
    }

    private String form(Model model, Long id) {
        model.addAttribute("employerId", id);
        model.addAttribute("ref", checks.reference(CurrentOfficer.get().scope()));
        model.addAttribute("types", EmployerType.values());
        model.addAttribute("statuses", OperatingStatus.values());
        return "employer/employer-form";
    }
}
