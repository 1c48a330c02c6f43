package org.wageguard.inspection.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wageguard.employer.EmployerType;
import org.wageguard.employer.Employers;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.identity.Departments;
import org.wageguard.identity.OfficerPrincipal;
import org.wageguard.inspection.Campaigns;
import org.wageguard.inspection.ChecklistTemplates;
import org.wageguard.inspection.InspectionRuleException;
import org.wageguard.inspection.Inspections;
import org.wageguard.project.Projects;
import org.wageguard.shared.RegionCode;

/**
 * Campaign list and its ledger, the form a labor inspector organises a campaign with, its dashboard and its Excel
 * results.
 */
@Controller
class CampaignController {

    /** Employers inspected as enterprises (construction parties are inspected through their projects). */
    static final Set<EmployerType> ENTERPRISES = Set.of(EmployerType.MANUFACTURING, EmployerType.HOSPITAL,
            EmployerType.HOTEL, EmployerType.CATERING, EmployerType.ENTERTAINMENT, EmployerType.OTHER);

    record Choice(long id, String label) {
    }

    record TargetGroup(String title, String field, List<Choice> choices) {
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Campaigns campaigns;
    private final Inspections inspections;
    private final ChecklistTemplates templates;
    private final Departments departments;
    private final Projects projects;
    private final Employers employers;
    private final Texts texts;
    private final CampaignLedger ledger;

    CampaignController(Campaigns campaigns, Inspections inspections, ChecklistTemplates templates,
            Departments departments, Projects projects, Employers employers, Texts texts,
            org.wageguard.identity.CodeTables codeTables, CampaignLedger ledger) {
        this.ledger = ledger;
        this.codeTables = codeTables;
        this.campaigns = campaigns;
        this.inspections = inspections;
        this.templates = templates;
        this.departments = departments;
        this.projects = projects;
        this.employers = employers;
        this.texts = texts;
    }

    private final org.wageguard.identity.CodeTables codeTables;

    /** GB/T 4754 sections (门类) that divide enterprises for "all enterprises of a sector". */
    private List<org.wageguard.identity.CodeTables.Sector> sections() {
        return codeTables.sectors().stream().filter(x -> x.parentCode() == null).toList();
    }

    /** The divisions (大类) of a section, or the code itself when it is a division. */
    private java.util.Set<String> divisions(String sector) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        codes.add(sector);
        codeTables.sectors().stream().filter(x -> sector.equals(x.parentCode())).forEach(x -> codes.add(x.code()));
        return codes;
    }

    @GetMapping("/inspection/campaigns")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list(campaigns.viewer(CurrentOfficer.get())));
        return "inspection/campaigns";
    }

    /** The list as its ledger (台账): the same campaigns the officer's department may see. */
    @GetMapping("/inspection/campaigns.xlsx")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    ResponseEntity<byte[]> listLedger() {
        return org.wageguard.identity.Downloads.xlsx(texts.get("inspection.campaignLedger.file"),
                ledger.toXlsx(campaigns.list(campaigns.viewer(CurrentOfficer.get()))));
    }

    @GetMapping("/inspection/campaigns/new")
    @PreAuthorize("hasAuthority('inspection:campaign:manage')")
    String form(Model model) {
        OfficerPrincipal me = CurrentOfficer.get();
        model.addAttribute("kinds", Inspections.CampaignKind.values());
        model.addAttribute("departments", departments.inRegion(RegionCode.of(me.regionCode()).subtreePrefix()));
        model.addAttribute("myDepartment", me.departmentId());
        model.addAttribute("targetGroups", List.of(
                new TargetGroup("inspection.projectTargets", "projectIds", projects.all(me.scope(), Projects.Filter.none())
                        .stream().map(p -> new Choice(p.id(), p.code() + " " + p.name())).toList()),
                new TargetGroup("inspection.employerTargets", "employerIds", employers.choices(me.scope(), ENTERPRISES)
                        .stream().map(e -> new Choice(e.id(), e.name())).toList())));
        model.addAttribute("templates", templates.templates().stream().filter(ChecklistTemplates.Template::enabled).toList());
        model.addAttribute("parents", campaigns.list(campaigns.viewer(me)));
        model.addAttribute("sections", sections());
        return "inspection/campaign-form";
    }

    @PostMapping("/inspection/campaigns")
    @PreAuthorize("hasAuthority('inspection:campaign:manage')")
    String create(@RequestParam(required = false) String name, @RequestParam Inspections.CampaignKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam long leadDepartmentId, @RequestParam(required = false) List<Long> memberIds,
            @RequestParam(required = false) List<Long> projectIds, @RequestParam(required = false) List<Long> employerIds,
            @RequestParam(required = false) List<Long> templateIds, @RequestParam(required = false) Long parentId,
            @RequestParam(defaultValue = "false") boolean allProjects,
            @RequestParam(required = false) Long allProjectsDepartmentId,
            @RequestParam(defaultValue = "false") boolean allEnterprises,
            @RequestParam(required = false) String allEnterprisesSector, RedirectAttributes redirect) {
        OfficerPrincipal me = CurrentOfficer.get();
        String prefix = RegionCode.of(me.regionCode()).subtreePrefix();
        Set<Long> regionDepartments = departments.inRegion(prefix).stream().map(Departments.Department::id)
                .collect(java.util.stream.Collectors.toSet());
        List<Long> members = memberIds == null ? List.of() : memberIds;
        if (!regionDepartments.contains(leadDepartmentId) || !regionDepartments.containsAll(members)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Targets chosen = targets(me, projectIds, employerIds, allProjects, allProjectsDepartmentId, allEnterprises,
                allEnterprisesSector);
        List<Long> chosenProjects = chosen.projects();
        List<Long> chosenEmployers = chosen.employers();
        if (chosenProjects.isEmpty() && chosenEmployers.isEmpty()) {
            redirect.addFlashAttribute("error", texts.get("inspection.error.noTargets"));
            return "redirect:/inspection/campaigns/new";
        }
        Campaigns.Viewer viewer = campaigns.viewer(me);
        Long parent = parentId == null ? null : campaigns.find(viewer, parentId).map(Campaigns.CampaignRow::id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            long id = inspections.createCampaign(name == null ? null : name.trim(), kind, from, to, leadDepartmentId,
                    members, parent, templateIds == null ? List.of() : templateIds);
            chosenProjects.forEach(p -> inspections.addProjectTarget(id, p));
            chosenEmployers.forEach(e -> inspections.addEmployerTarget(id, e));
            redirect.addFlashAttribute("flash", texts.get("inspection.campaignCreated"));
            return "redirect:/inspection/campaigns/" + id;
        } catch (InspectionRuleException e) {
            redirect.addFlashAttribute("error", texts.get(e.getMessage()));
            return "redirect:/inspection/campaigns/new";
        }
    }

    @GetMapping("/inspection/campaigns/{id}")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    String dashboard(@PathVariable long id, Model model) {
        Campaigns.CampaignRow campaign = visible(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("targets", campaigns.targets(id));
        List<Campaigns.Count> byItem = campaigns.findingsByItem(id);
        model.addAttribute("byItem", byItem);
        model.addAttribute("itemChart", JSON.writeValueAsString(java.util.Map.of(
                "labels", byItem.stream().map(Campaigns.Count::label).toList(),
                "values", byItem.stream().map(Campaigns.Count::count).toList())));
        model.addAttribute("byDepartment", campaigns.byDepartment(id));
        OfficerPrincipal me = CurrentOfficer.get();
        if (me.hasPermission("inspection:campaign:manage")) {
            java.util.Set<Long> have = campaigns.targets(id).stream().map(t -> t.projectId() != null ? t.projectId() : -t.employerId())
                    .collect(java.util.stream.Collectors.toSet());
            model.addAttribute("moreProjects", projects.all(me.scope(), Projects.Filter.none()).stream()
                    .filter(p -> !have.contains(p.id())).map(p -> new Choice(p.id(), p.code() + " " + p.name())).toList());
            model.addAttribute("moreEmployers", employers.choices(me.scope(), ENTERPRISES).stream()
                    .filter(e -> !have.contains(-e.id())).map(e -> new Choice(e.id(), e.name())).toList());
            model.addAttribute("departments", departments.inRegion(RegionCode.of(me.regionCode()).subtreePrefix()));
            model.addAttribute("sections", sections());
        }
        return "inspection/campaign";
    }

    @GetMapping("/inspection/campaigns/{id}/results.xlsx")
    @PreAuthorize("hasAuthority('inspection:campaign:view')")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        Campaigns.CampaignRow campaign = visible(id);
        byte[] xlsx = campaigns.export(id);
        return org.wageguard.identity.Downloads.xlsx(campaign.name() + "检查结果.xlsx", xlsx);
    }

    record Targets(List<Long> projects, List<Long> employers) {
    }

    /**
     * The targets posted, kept to the officer's own scope whatever ids arrive, plus "all matching a filter": every project
     * under way in scope (of one department if chosen), every enterprise in scope (of one sector if chosen) — resolved
     * now, so a campaign's targets are fixed when they are added.
     */
    private Targets targets(OfficerPrincipal me, List<Long> projectIds, List<Long> employerIds, boolean allProjects,
            Long allProjectsDepartmentId, boolean allEnterprises, String allEnterprisesSector) {
        Set<Long> allowedProjects = projects.all(me.scope(), Projects.Filter.none()).stream().map(p -> p.id())
                .collect(java.util.stream.Collectors.toSet());
        Set<Long> allowedEmployers = employers.choices(me.scope(), ENTERPRISES).stream().map(e -> e.id())
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<Long> projectSet = new java.util.LinkedHashSet<>(
                projectIds == null ? List.of() : projectIds.stream().filter(allowedProjects::contains).toList());
        java.util.Set<Long> employerSet = new java.util.LinkedHashSet<>(
                employerIds == null ? List.of() : employerIds.stream().filter(allowedEmployers::contains).toList());
        if (allProjects) {
            projects.all(me.scope(), new Projects.Filter(null, allProjectsDepartmentId,
                    org.wageguard.project.ProjectStatus.UNDER_CONSTRUCTION, null)).forEach(p -> projectSet.add(p.id()));
        }
        if (allEnterprises) {
            java.util.Set<String> divisions = allEnterprisesSector == null || allEnterprisesSector.isBlank() ? null
                    : divisions(allEnterprisesSector.trim());
            employers.choices(me.scope(), ENTERPRISES).stream()
                    .filter(e -> divisions == null || divisions.contains(e.industryCode()))
                    .forEach(e -> employerSet.add(e.id()));
        }
        return new Targets(List.copyOf(projectSet), List.copyOf(employerSet));
    }

    /** More targets for a running campaign (the ones it has already are kept once). */
    @PostMapping("/inspection/campaigns/{id}/targets")
    @PreAuthorize("hasAuthority('inspection:campaign:manage')")
    String addTargets(@PathVariable long id, @RequestParam(required = false) List<Long> projectIds,
            @RequestParam(required = false) List<Long> employerIds,
            @RequestParam(defaultValue = "false") boolean allProjects,
            @RequestParam(required = false) Long allProjectsDepartmentId,
            @RequestParam(defaultValue = "false") boolean allEnterprises,
            @RequestParam(required = false) String allEnterprisesSector, RedirectAttributes redirect) {
        visible(id);
        OfficerPrincipal me = CurrentOfficer.get();
        Targets chosen = targets(me, projectIds, employerIds, allProjects, allProjectsDepartmentId, allEnterprises,
                allEnterprisesSector);
        List<Campaigns.TargetRow> existing = campaigns.targets(id);
        java.util.Set<Long> haveProjects = existing.stream().map(Campaigns.TargetRow::projectId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Long> haveEmployers = existing.stream().map(Campaigns.TargetRow::employerId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        int added = 0;
        for (long p : chosen.projects()) {
            if (haveProjects.add(p)) {
                inspections.addProjectTarget(id, p);
                added++;
            }
        }
        for (long e : chosen.employers()) {
            if (haveEmployers.add(e)) {
                inspections.addEmployerTarget(id, e);
                added++;
            }
        }
        redirect.addFlashAttribute(added == 0 ? "error" : "flash", added == 0 ? texts.get("inspection.error.noTargets")
                : texts.get("inspection.targetsAdded", added));
        return "redirect:/inspection/campaigns/" + id;
    }

    /** A department of the region joins the joint team. */
    @PostMapping("/inspection/campaigns/{id}/members")
    @PreAuthorize("hasAuthority('inspection:campaign:manage')")
    String addMember(@PathVariable long id, @RequestParam long departmentId, RedirectAttributes redirect) {
        visible(id);
        OfficerPrincipal me = CurrentOfficer.get();
        if (departments.find(departmentId).filter(d -> d.regionCode().startsWith(RegionCode.of(me.regionCode())
                .subtreePrefix())).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        inspections.addMember(id, departmentId);
        redirect.addFlashAttribute("flash", texts.get("common.saved"));
        return "redirect:/inspection/campaigns/" + id;
    }

    private Campaigns.CampaignRow visible(long id) {
        return campaigns.find(campaigns.viewer(CurrentOfficer.get()), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
