package org.wageguard.workforce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.wageguard.identity.CurrentOfficer;
import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.workforce.DataImports;
import org.wageguard.workforce.Rosters;
import org.wageguard.workforce.Workers;

/** A project's roster, its real-name figures and import history; a worker's projects and months. */
@Controller
class WorkforceController {

    private final Projects projects;
    private final Rosters rosters;
    private final Workers workers;
    private final DataImports imports;

    WorkforceController(Projects projects, Rosters rosters, Workers workers, DataImports imports) {
        this.projects = projects;
        this.rosters = rosters;
        this.workers = workers;
        this.imports = imports;
    }

    @GetMapping("/workforce/projects/{id}")
    @PreAuthorize("hasAuthority('workforce:roster:view')")
    String project(@PathVariable long id, Model model) {
        ProjectSummary project = projects.find(CurrentOfficer.get().scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("project", project);
        model.addAttribute("roster", rosters.roster(id));
        model.addAttribute("departed", rosters.departed(id));
        model.addAttribute("coverage", rosters.attendanceMonths(id).stream().sorted(java.util.Comparator.reverseOrder())
                .map(m -> rosters.coverage(id, m)).toList());
        model.addAttribute("history", imports.history(id));
        return "workforce/project";
    }

    @GetMapping("/workforce/workers/{id}")
    @PreAuthorize("hasAuthority('workforce:roster:view')")
    String worker(@PathVariable long id, Model model) {
        return worker(id, model, null);
    }

    /** The full ID number, for the inspector who must check it against the person's card; written to the log. */
    @PostMapping("/workforce/workers/{id}/reveal")
    @PreAuthorize("hasAuthority('workforce:worker:sensitive')")
    String reveal(@PathVariable long id, Model model) {
        return worker(id, model, workers.revealIdNumberInScope(CurrentOfficer.get().scope(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The full wage-card number on one project's roster; written to the log like the ID number. */
    @PostMapping("/workforce/workers/{id}/projects/{projectId}/reveal-card")
    @PreAuthorize("hasAuthority('workforce:worker:sensitive')")
    String revealCard(@PathVariable long id, @PathVariable long projectId, Model model) {
        model.addAttribute("revealedCard", workers.revealCardInScope(CurrentOfficer.get().scope(), id, projectId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("revealedCardProject", projectId);
        return worker(id, model, null);
    }

    private String worker(long id, Model model, String revealed) {
        var scope = CurrentOfficer.get().scope();
        var worker = workers.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Long> projectIds = workers.projectIdsInScope(scope, id);
        List<ProjectSummary> visible = new ArrayList<>();
        projectIds.forEach(p -> projects.summary(p).ifPresent(visible::add));
        Map<Long, ProjectSummary> byId = visible.stream().collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        model.addAttribute("worker", worker);
        model.addAttribute("revealed", revealed);
        model.addAttribute("projectsById", byId);
        model.addAttribute("employments", rosters.projectsOf(id, projectIds));
        model.addAttribute("months", rosters.monthsOf(id, projectIds));
        return "workforce/worker";
    }
}
