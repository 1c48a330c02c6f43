package org.wageguard.employer.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.wageguard.shared.StaleEditException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.Grids;
import org.wageguard.employer.internal.EmployerChecks;
import org.wageguard.employer.internal.EmployerRefresh;
import org.wageguard.employer.internal.GridRegister;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.OfficerPrincipal;

/**
 * The grid (网格化): a grid worker's own grid on a phone (its employers, overdue refreshes first, "核实无变化" in one
 * tap), the grids with their workers for the administration and the leadership office (a warning where a grid has
 * fewer than two), the bureau's list of refreshes across every grid in scope, and the grids' own records.
 */
@Controller
class GridController {

    record GridForm(
            @NotBlank(message = "{employer.validation.required}") @Pattern(regexp = "[0-9A-Za-z-]{1,32}",
                    message = "{employer.check.grid}") String code,
            @NotBlank(message = "{employer.validation.required}") @Size(max = 64, message = "{employer.validation.size}") String name,
            @NotBlank(message = "{employer.validation.required}") String regionCode,
            @Size(max = 500, message = "{employer.validation.size}") String notes, Boolean enabled, Integer version) {

        GridRegister.GridDraft draft() {
            return new GridRegister.GridDraft(code.trim(), name.trim(), regionCode.trim(),
                    notes == null || notes.isBlank() ? null : notes.trim(), Boolean.TRUE.equals(enabled));
        }
    }

    private final Grids grids;
    private final GridRegister register;
    private final EmployerRefresh refresh;
    private final EmployerChecks checks;
    private final Support support;

    GridController(Grids grids, GridRegister register, EmployerRefresh refresh, EmployerChecks checks,
            Support support) {
        this.grids = grids;
        this.register = register;
        this.refresh = refresh;
        this.checks = checks;
        this.support = support;
    }

    /** The grid worker's own grid; everyone else is taken to the grids of their scope. */
    @GetMapping("/grid")
    @PreAuthorize("hasAuthority('employer:grid:view')")
    String myGrid(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        if (me.scope().type() != DataScopeType.GRID) {
            return "redirect:/grids";
        }
        Optional<GridRegister.GridRow> row = register.rows(me.scope()).stream().findFirst();
        model.addAttribute("row", row.orElse(null));
        model.addAttribute("gridCode", me.scope().gridCode());
        model.addAttribute("employers", refresh.list(me.scope(), null, false));
        model.addAttribute("months", refresh.months());
        return "employer/my-grid";
    }

    @PostMapping("/grid/employers/{id}/confirm")
    @PreAuthorize("hasAuthority('employer:grid:refresh')")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        try {
            var next = refresh.confirm(me.scope(), id).plusMonths(refresh.months());
            redirect.addFlashAttribute("flash", support.text("grid.confirmed", next));
        } catch (EmployerRefresh.NotInScope e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/grid#employer-" + id;
    }

    @GetMapping("/grids")
    @PreAuthorize("hasAuthority('employer:grid:view')")
    String grids(Model model) {
        List<GridRegister.GridRow> rows = register.rows(CurrentOfficer.get().scope());
        model.addAttribute("rows", rows);
        model.addAttribute("understaffed", rows.stream().filter(GridRegister.GridRow::understaffed).count());
        model.addAttribute("minWorkers", Grids.MIN_WORKERS);
        model.addAttribute("months", refresh.months());
        return "employer/grids";
    }

    /** The bureau's list: every employer of every grid in scope, overdue refreshes first. */
    @GetMapping("/grids/refresh")
    @PreAuthorize("hasAuthority('employer:grid:view')")
    String refreshes(@RequestParam(required = false) String grid, @RequestParam(defaultValue = "false") boolean overdue,
            Model model) {
        var scope = CurrentOfficer.get().scope();
        List<EmployerRefresh.Due> rows = refresh.list(scope, grid, overdue);
        model.addAttribute("rows", rows);
        model.addAttribute("overdueCount", rows.stream().filter(EmployerRefresh.Due::overdue).count());
        model.addAttribute("grids", grids.within(scope));
        model.addAttribute("grid", grid);
        model.addAttribute("overdue", overdue);
        model.addAttribute("months", refresh.months());
        return "employer/grid-refresh";
    }

    @GetMapping("/grids/new")
    @PreAuthorize("hasAuthority('employer:grid:manage')")
    String createForm(Model model) {
        model.addAttribute("form", new GridForm("", "", null, null, true, null));
        return form(model, null);
    }

    @PostMapping("/grids/new")
    @PreAuthorize("hasAuthority('employer:grid:manage')")
    String create(@Valid @ModelAttribute("form") GridForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        checkRegion(form, errors);
        if (!errors.hasErrors() && grids.find(form.code().trim()).isPresent()) {
            errors.rejectValue("code", "taken", support.text("grid.codeTaken"));
        }
        if (errors.hasErrors()) {
            return form(model, null);
        }
        try {
            register.create(form.draft());
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", support.text("grid.nameTaken"));
            return form(model, null);
        }
        redirect.addFlashAttribute("flash", support.text("common.saved"));
        return "redirect:/grids";
    }

    @GetMapping("/grids/{code}/edit")
    @PreAuthorize("hasAuthority('employer:grid:manage')")
    String editForm(@PathVariable String code, Model model) {
        Grids.Grid g = visible(code);
        model.addAttribute("form", new GridForm(g.code(), g.name(), g.regionCode(), g.notes(), g.enabled(), g.version()));
        return form(model, g.code());
    }

    @PostMapping("/grids/{code}/edit")
    @PreAuthorize("hasAuthority('employer:grid:manage')")
    String edit(@PathVariable String code, @Valid @ModelAttribute("form") GridForm submitted, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Grids.Grid existing = visible(code);
        GridForm form = new GridForm(existing.code(), submitted.name(), submitted.regionCode(), submitted.notes(),
                submitted.enabled(), submitted.version());
        checkRegion(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("form", form);
            return form(model, code);
        }
        try {
            register.update(code, form.version() == null ? -1 : form.version(), form.draft());
        } catch (StaleEditException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, code);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "taken", support.text("grid.nameTaken"));
            return form(model, code);
        }
        redirect.addFlashAttribute("flash", support.text("common.saved"));
        return "redirect:/grids";
    }

    private Grids.Grid visible(String code) {
        return grids.find(CurrentOfficer.get().scope(), code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A grid lies in a town or street of the officer's own region. */
    private void checkRegion(GridForm form, BindingResult errors) {
        if (form.regionCode() == null || errors.hasFieldErrors("regionCode")) {
            return;
        }
        var region = checks.reference(CurrentOfficer.get().scope()).regions().get(form.regionCode().trim());
        if (region == null || !"TOWN".equals(region.level())) {
            errors.rejectValue("regionCode", "invalid", support.text("grid.regionTown"));
        }
    }

    private String form(Model model, String code) {
        model.addAttribute("gridCode", code);
        model.addAttribute("towns", checks.reference(CurrentOfficer.get().scope()).regionList().stream()
                .filter(r -> "TOWN".equals(r.level())).toList());
        return "employer/grid-form";
    }
}
