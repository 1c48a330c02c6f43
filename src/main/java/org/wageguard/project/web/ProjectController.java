package org.wageguard.project.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.wageguard.shared.StaleEditException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CodeTables;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.DataScope;
import org.wageguard.identity.DataScopeType;
import org.wageguard.identity.Departments;
import org.wageguard.identity.Downloads;
import org.wageguard.identity.Listing;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ProjectDraft;
import org.wageguard.project.ProjectParties;
import org.wageguard.project.ProjectStatus;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.SpecialAccounts;
import org.wageguard.project.Projects;
import org.wageguard.project.WageDeposits;
import org.wageguard.shared.InvalidIdentifierException;
import org.wageguard.shared.MobilePhone;
import org.wageguard.shared.RegionCode;

/**
 * Projects under construction (在建工程项目): list and its ledger, detail with its compliance items, registration,
 * editing.
 */
@Controller
class ProjectController {

    private final VisibleProjects visibleProjects;

    private final Projects projects;
    private final ComplianceItems compliance;
    private final WageDeposits deposits;
    private final Employers employers;
    private final Departments departments;
    private final CodeTables codeTables;
    private final MessageSource messages;
    private final ProjectParties parties;
    private final org.wageguard.project.LaborCostTransfers transfers;
    private final ProjectLedger ledger;
    private final SpecialAccounts specialAccounts;

    ProjectController(Projects projects, ComplianceItems compliance, WageDeposits deposits, Employers employers,
            Departments departments, CodeTables codeTables, MessageSource messages, ProjectParties parties, VisibleProjects visibleProjects,
            org.wageguard.project.LaborCostTransfers transfers, ProjectLedger ledger, SpecialAccounts specialAccounts) {
        this.specialAccounts = specialAccounts;
        this.ledger = ledger;
        this.visibleProjects = visibleProjects;
        this.transfers = transfers;
        this.parties = parties;
        this.projects = projects;
        this.compliance = compliance;
        this.deposits = deposits;
        this.employers = employers;
        this.departments = departments;
        this.codeTables = codeTables;
        this.messages = messages;
    }

    @GetMapping("/projects")
    @PreAuthorize("hasAuthority('project:project:view')")
    String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) ProjectStatus status, @RequestParam(defaultValue = "1") int page,
            Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        var filter = new Projects.Filter(keyword, departmentId, status, null);
        model.addAttribute("filter", filter);
        Listing<ProjectSummary> listing = projects.list(me.scope(), filter, page, Listing.DEFAULT_SIZE,
                p -> UriComponentsBuilder.fromPath("/projects").queryParam("keyword", keyword == null ? "" : keyword)
                        .queryParam("departmentId", departmentId == null ? "" : departmentId)
                        .queryParam("status", status == null ? "" : status).queryParam("page", p).encode().toUriString());
        model.addAttribute("page", listing);
        model.addAttribute("matrix", compliance.matrix(listing.rows().stream().map(ProjectSummary::id).toList()));
        model.addAttribute("departments", industryDepartments(me));
        model.addAttribute("statuses", ProjectStatus.values());
        return "project/projects";
    }

    /** The list as its ledger (台账): every project the list's filters select in scope, not only one page. */
    @GetMapping("/projects.xlsx")
    @PreAuthorize("hasAuthority('project:project:view')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) ProjectStatus status) {
        List<ProjectSummary> all = projects.all(CurrentOfficer.get().scope(),
                new Projects.Filter(keyword, departmentId, status, null));
        return Downloads.xlsx(text("project.ledger.file"),
                ledger.toXlsx(all, compliance.matrix(all.stream().map(ProjectSummary::id).toList())));
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize("hasAuthority('project:project:view')")
    String detail(@PathVariable long id, Model model) {
        ProjectSummary project = visibleProjects.get(id);
        model.addAttribute("project", project);
        model.addAttribute("wageOfficerPhone", projects.wageOfficerPhoneMasked(id));
        model.addAttribute("contractorBlacklisted", employers.find(project.generalContractorId())
                .map(org.wageguard.employer.EmployerSummary::blacklisted).orElse(false));
        model.addAttribute("items", compliance.items(id));
        model.addAttribute("history", compliance.history(id));
        model.addAttribute("evidence", compliance.evidence(id));
        model.addAttribute("ledger", deposits.ledger(id));
        model.addAttribute("subcontractors", parties.subcontractors(id));
        model.addAttribute("teams", parties.teams(id));
        model.addAttribute("schedule", parties.schedule(id));
        model.addAttribute("transfers", transfers.of(id));
        model.addAttribute("balances", transfers.balances(id, 1));
        model.addAttribute("binding", specialAccounts.current(id).orElse(null));
        model.addAttribute("pendingBinding", specialAccounts.pending(id).orElse(null));
        model.addAttribute("bindingHistory", specialAccounts.history(id));
        OfficerPrincipal me = CurrentOfficer.get();
        if (me.hasPermission("project:account:bind") || me.hasPermission("project:account:propose")) {
            model.addAttribute("bankChoices", specialAccounts.bankChoices(me));
        }
        if (me.hasPermission("project:project:edit")) {
            model.addAttribute("subcontractorChoices", employers.choices(regionWide(me),
                    Set.of(EmployerType.SUBCONTRACTOR, EmployerType.LABOR_SERVICE, EmployerType.GENERAL_CONTRACTOR)));
        }
        return "project/project";
    }

    @GetMapping("/projects/new")
    @PreAuthorize("hasAuthority('project:project:edit')")
    String createForm(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("form", new ProjectForm("", "", me.regionCode(), me.departmentId(), null, null, null, null,
                null, false, null, null, null, null, null, ProjectStatus.UNDER_CONSTRUCTION, null, null));
        return form(model, me, null);
    }

    @PostMapping("/projects/new")
    @PreAuthorize("hasAuthority('project:project:edit')")
    String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        ProjectDraft draft = draft(form, errors, me);
        if (errors.hasErrors()) {
            return form(model, me, null);
        }
        try {
            long id = projects.register(draft);
            redirect.addFlashAttribute("flash", text("project.registered"));
            return "redirect:/projects/" + id;
        } catch (DuplicateKeyException e) {
            errors.rejectValue("code", "taken", text("project.code.taken"));
            return form(model, me, null);
        }
    }

    @GetMapping("/projects/{id}/edit")
    @PreAuthorize("hasAuthority('project:project:edit')")
    String editForm(@PathVariable long id, Model model) {
        ProjectSummary p = visibleProjects.get(id);
        model.addAttribute("form", new ProjectForm(p.code(), p.name(), p.regionCode(), p.departmentId(), p.ownerId(),
                p.generalContractorId(), p.address(), p.wageOfficerName(), null, p.governmentInvested(),
                p.contractValue(), p.plannedLaborCost(), p.contractDate(), p.startDate(), p.plannedCompletion(),
                p.status(), p.version(), p.industryCode()));
        return form(model, CurrentOfficer.get(), id);
    }

    @PostMapping("/projects/{id}/edit")
    @PreAuthorize("hasAuthority('project:project:edit')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ProjectSummary existing = visibleProjects.get(id);
        OfficerPrincipal me = CurrentOfficer.get();
        ProjectDraft draft = draft(form, errors, me);
        if (errors.hasErrors()) {
            return form(model, me, id);
        }
        try {
            projects.update(id, form.version() == null ? -1 : form.version(), new ProjectDraft(existing.code(),
                    draft.name(), draft.regionCode(), draft.departmentId(), draft.ownerId(), draft.generalContractorId(),
                    draft.address(), draft.wageOfficerName(), draft.wageOfficerPhone(), draft.governmentInvested(),
                    draft.contractValue(), draft.plannedLaborCost(), draft.contractDate(), draft.startDate(),
                    draft.plannedCompletion(), draft.status(), draft.industryCode()));
        } catch (StaleEditException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, me, id);
        }
        redirect.addFlashAttribute("flash", text("common.saved"));
        return "redirect:/projects/" + id;
    }

    private ProjectDraft draft(ProjectForm form, BindingResult errors, OfficerPrincipal me) {
        MobilePhone phone = null;
        if (form.wageOfficerPhone() != null && !form.wageOfficerPhone().isBlank()) {
            try {
                phone = MobilePhone.of(form.wageOfficerPhone());
            } catch (InvalidIdentifierException e) {
                errors.rejectValue("wageOfficerPhone", "invalid", e.chineseMessage());
            }
        }
        if (form.regionCode() != null && !form.regionCode().startsWith(RegionCode.of(me.regionCode()).subtreePrefix())) {
            errors.rejectValue("regionCode", "scope", text("project.region.scope"));
        }
        // An industry officer registers projects of their own department only.
        if (form.departmentId() != null && me.scope().type() != DataScopeType.REGION
                && !me.scope().departmentIds().contains(form.departmentId())) {
            errors.rejectValue("departmentId", "scope", text("project.department.scope"));
        }
        if (form.ownerId() != null && employers.find(form.ownerId()).isEmpty()) {
            errors.rejectValue("ownerId", "unknown", text("project.owner.required"));
        }
        if (form.generalContractorId() != null && employers.find(form.generalContractorId()).isEmpty()) {
            errors.rejectValue("generalContractorId", "unknown", text("project.contractor.required"));
        }
        if (form.industryCode() != null && !form.industryCode().isBlank()
                && constructionSectors().stream().noneMatch(s -> s.code().equals(form.industryCode().trim()))) {
            errors.rejectValue("industryCode", "unknown", text("project.industry.unknown"));
        }
        if (form.plannedCompletion() != null && form.startDate() != null && form.plannedCompletion().isBefore(form.startDate())) {
            errors.rejectValue("plannedCompletion", "order", text("project.completion.beforeStart"));
        }
        return new ProjectDraft(form.code(), form.name(), form.regionCode(),
                form.departmentId() == null ? 0 : form.departmentId(), form.ownerId() == null ? 0 : form.ownerId(),
                form.generalContractorId() == null ? 0 : form.generalContractorId(), form.address(),
                form.wageOfficerName(), phone, Boolean.TRUE.equals(form.governmentInvested()), form.contractValue(), form.plannedLaborCost(),
                form.contractDate(), form.startDate(), form.plannedCompletion(), form.status(),
                blankToNull(form.industryCode()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The sectors a construction project may belong to: GB/T 4754-2017 section E 建筑业, divisions 47–50. */
    private List<CodeTables.Sector> constructionSectors() {
        return codeTables.sectors().stream().filter(s -> Projects.CONSTRUCTION_DIVISIONS.contains(s.code())).toList();
    }

    private String form(Model model, OfficerPrincipal me, Long id) {
        DataScope region = regionWide(me);
        model.addAttribute("projectId", id);
        model.addAttribute("regions", codeTables.regionSubtree(RegionCode.of(me.regionCode()).subtreePrefix()));
        model.addAttribute("departments", industryDepartments(me));
        model.addAttribute("owners", employers.choices(region, Set.of(EmployerType.OWNER)));
        model.addAttribute("contractors", employers.choices(region, Set.of(EmployerType.GENERAL_CONTRACTOR)));
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("sectors", constructionSectors());
        return "project/project-form";
    }

    /** Parties to a project may come from anywhere in the officer's region, not only from their own scope. */
    private static DataScope regionWide(OfficerPrincipal me) {
        return new DataScope(DataScopeType.REGION, me.regionCode(), Set.of(), null, null, me.id());
    }

    private List<Departments.Department> industryDepartments(OfficerPrincipal me) {
        return departments.inRegion(RegionCode.of(me.regionCode()).subtreePrefix()).stream()
                .filter(d -> d.kind() == Departments.Kind.INDUSTRY)
                .filter(d -> me.scope().type() == DataScopeType.REGION || me.scope().type() == DataScopeType.ORGANISATION
                        || me.scope().departmentIds().contains(d.id()))
                .toList();
    }


    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
