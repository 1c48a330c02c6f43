package org.wageguard.workforce;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.wageguard.project.ProjectSummary;
import org.wageguard.project.Projects;
import org.wageguard.shared.imports.Column;
import org.wageguard.shared.imports.Problem;
import org.wageguard.shared.imports.Row;

/**
 * Resolves the project code of each row of one import, once per code (lookup and permission both): an unknown project and a project the sender
 * may not import for are both bad rows, with different reasons (the sender knows the project exists).
 */
public final class ProjectCodes {

    private final Projects projects;
    private final Predicate<ProjectSummary> mayImport;
    private final String refusal;
    private final Map<String, Optional<ProjectSummary>> known = new HashMap<>();
    private final Map<Long, Boolean> allowed = new HashMap<>();

    /** @param refusal the reason shown when {@code mayImport} refuses a project */
    public ProjectCodes(Projects projects, Predicate<ProjectSummary> mayImport, String refusal) {
        this.projects = projects;
        this.mayImport = mayImport;
        this.refusal = refusal;
    }

    public ProjectSummary resolve(Row row, Column column, List<Problem> problems) {
        String code = row.get(column);
        if (code == null) {
            return null;
        }
        Optional<ProjectSummary> project = known.computeIfAbsent(code, c -> projects.findByCode(c));
        if (project.isEmpty()) {
            problems.add(Problem.of(row, column, "没有这个项目编号，请先登记在建项目"));
            return null;
        }
        if (!allowed.computeIfAbsent(project.get().id(), id -> mayImport.test(project.get()))) {
            problems.add(Problem.of(row, column, refusal));
            return null;
        }
        return project.get();
    }
}
