package org.wageguard.monitoring.rules;

import java.math.BigDecimal;
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

/** Rule 1: workers attended in a month and nothing was paid through the special account by the end of the next. */
@Component
class NoPayrollPolicy implements RulePolicy {

    @Override
    public RuleCode code() {
        return RuleCode.R01;
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
                List<WorkerMonth> attended = rows.stream().filter(WorkerMonth::attended).toList();
                BigDecimal paid = rows.stream().map(WorkerMonth::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (!attended.isEmpty() && paid.signum() == 0) {
                    raised.add(Raise.project(code(), p, month.toString(), Severity.RED,
                            Raise.reason(code(), Raise.month(month), attended.size(),
                                    month.plusMonths(params.integer("graceMonths")).atEndOfMonth().toString()),
                            Raise.workerTable(attended)));
                }
            });
        }
        return raised;
    }
}
