package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.payroll.WageFacts.WorkerMonth;
import org.wageguard.project.ProjectSummary;

/**
 * The rules about whether a month's wages reached the workers (1–3): each looks at one project's month once its pay
 * was due — the month and the region's grace months over — with the month's worker rows.
 */
abstract class PayMonthPolicy implements RulePolicy {

    @Override
    public final List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            ctx.workerMonths(month).stream()
                    .collect(Collectors.groupingBy(WorkerMonth::projectId, LinkedHashMap::new, Collectors.toList()))
                    .forEach((projectId, rows) -> {
                        ProjectSummary p = ctx.project(projectId);
                        RuleParameters params = ctx.params(code(), p.regionCode(), month);
                        if (params.enabled() && ctx.due(month, params.integer("graceMonths"))) {
                            check(month, p, params, rows).ifPresent(raised::add);
                        }
                    });
        }
        return raised;
    }

    abstract Optional<Raised> check(YearMonth month, ProjectSummary project, RuleParameters params, List<WorkerMonth> rows);
}
