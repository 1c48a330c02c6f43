package org.wageguard.monitoring.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts.WorkerMonth;
import org.wageguard.project.ProjectSummary;

/** Rule 3: pay per attended day below the region's monthly minimum wage divided by the days of a month (21.75). */
@Component
class MinimumWagePolicy implements RulePolicy {

    @Override
    public RuleCode code() {
        return RuleCode.R03;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            Map<Long, List<WorkerMonth>> byProject = ctx.workerMonths(month).stream()
                    .collect(Collectors.groupingBy(WorkerMonth::projectId));
            byProject.forEach((projectId, rows) -> {
                ProjectSummary p = ctx.project(projectId);
                RuleParameters params = ctx.params(code(), p.regionCode());
                if (!params.enabled() || !ctx.due(month, params.integer("graceMonths"))) {
                    return;
                }
                BigDecimal daily = params.decimal("monthlyMinimumWage").divide(params.decimal("daysPerMonth"), 2,
                        RoundingMode.HALF_UP);
                List<WorkerMonth> below = rows.stream()
                        .filter(w -> w.attended() && w.paid().signum() > 0)
                        .filter(w -> w.paid().divide(BigDecimal.valueOf(w.attendanceDays()), 2, RoundingMode.HALF_UP)
                                .compareTo(daily) < 0)
                        .toList();
                if (!below.isEmpty()) {
                    raised.add(Raise.project(code(), p, month.toString(), Severity.RED,
                            Raise.reason(code(), Raise.month(month), below.size(), Raise.yuan(daily),
                                    params.value("monthlyMinimumWage"), params.value("daysPerMonth")),
                            Raise.workerTable(below)));
                }
            });
        }
        return raised;
    }
}
