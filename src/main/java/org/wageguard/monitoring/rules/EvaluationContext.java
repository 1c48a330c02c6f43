package org.wageguard.monitoring.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.RuleSettings;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;

/**
 * One evaluation: the day it runs as, the months it looks at, the project it is limited to (null = all), the projects
 * under way, the parameters as read when it started, and the worker-month facts shared by several rules.
 */
public final class EvaluationContext {

    /** The period of rules about a standing state rather than a month (compliance items, an employer's status). */
    public static final String STANDING = "STANDING";

    private final LocalDate today;
    private final List<YearMonth> months;
    private final Long projectId;
    private final Map<Long, ProjectSummary> projects;
    private final RuleSettings.Snapshot settings;
    private final BiFunction<java.util.Collection<YearMonth>, Long, List<WageFacts.WorkerMonth>> loader;
    private final Map<YearMonth, List<WageFacts.WorkerMonth>> cache = new HashMap<>();

    public EvaluationContext(LocalDate today, List<YearMonth> months, Long projectId, Map<Long, ProjectSummary> projects,
            RuleSettings.Snapshot settings,
            BiFunction<java.util.Collection<YearMonth>, Long, List<WageFacts.WorkerMonth>> loader) {
        this.today = today;
        this.months = List.copyOf(months);
        this.projectId = projectId;
        this.projects = projects;
        this.settings = settings;
        this.loader = loader;
    }

    public LocalDate today() {
        return today;
    }

    public List<YearMonth> months() {
        return months;
    }

    /** The one project this evaluation is limited to, or null. */
    public Long projectId() {
        return projectId;
    }

    public boolean covers(long project) {
        return (projectId == null || projectId == project) && projects.containsKey(project);
    }

    public ProjectSummary project(long id) {
        return projects.get(id);
    }

    public java.util.Collection<ProjectSummary> projects() {
        return projectId == null ? projects.values()
                : projects.containsKey(projectId) ? List.of(projects.get(projectId)) : List.of();
    }

    /** The parameters in force on the day of the evaluation (standing rules, deadlines, the festival window). */
    public RuleParameters params(RuleCode rule, String regionCode) {
        return settings.of(rule, regionCode, today);
    }

    /**
     * The parameters in force for a month: those effective on its last day. A change dated later leaves the month as
     * it was rated (a raise of the minimum wage from 1 October rates October on, never September).
     */
    public RuleParameters params(RuleCode rule, String regionCode, YearMonth month) {
        return settings.of(rule, regionCode, month.atEndOfMonth());
    }

    /** Whether the month's wages were due by now: the month plus the grace months have ended. */
    public boolean due(YearMonth month, int graceMonths) {
        return today.isAfter(month.plusMonths(graceMonths).atEndOfMonth());
    }

    /**
     * Worker-month facts of the month on the projects under way (limited to the one project if set). The first call
     * for one of the evaluation's months reads all of its months in one query.
     */
    public List<WageFacts.WorkerMonth> workerMonths(YearMonth month) {
        if (!cache.containsKey(month)) {
            List<YearMonth> load = months.contains(month) ? months : List.of(month);
            Map<YearMonth, List<WageFacts.WorkerMonth>> read = new HashMap<>();
            load.forEach(m -> read.put(m, new java.util.ArrayList<>()));
            for (WageFacts.WorkerMonth w : loader.apply(load, projectId)) {
                if (covers(w.projectId())) {
                    read.get(w.month()).add(w);
                }
            }
            read.forEach((m, list) -> cache.put(m, List.copyOf(list)));
        }
        return cache.get(month);
    }
}
