package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts.WorkerMonth;
import org.wageguard.project.ProjectSummary;

/** Rule 6: a pay-sheet line with no attendance (a ghost worker), or pay-sheet days differing from attendance days. */
@Component
class GhostWorkerPolicy implements RulePolicy {

    @Override
    public RuleCode code() {
        return RuleCode.R06;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            Map<Long, List<WorkerMonth>> byProject = ctx.workerMonths(month).stream()
                    .filter(w -> w.payrollDays() != null && w.payrollDays() > 0)
                    .filter(w -> w.attendanceDays() != w.payrollDays())
                    .collect(Collectors.groupingBy(WorkerMonth::projectId));
            byProject.forEach((projectId, rows) -> {
                ProjectSummary p = ctx.project(projectId);
                if (!ctx.params(code(), p.regionCode(), month).enabled()) {
                    return;
                }
                long ghosts = rows.stream().filter(w -> !w.attended()).count();
                List<String> facts = new ArrayList<>();
                if (ghosts > 0) {
                    facts.add(Raise.text("monitoring.reason.R06.ghost", ghosts));
                }
                if (rows.size() > ghosts) {
                    facts.add(Raise.text("monitoring.reason.R06.days", rows.size() - ghosts));
                }
                raised.add(Raise.project(code(), p, month.toString(), Severity.ORANGE,
                        Raise.reason(code(), Raise.month(month), String.join("，", facts)), Raise.workerTable(rows)));
            });
        }
        return raised;
    }
}
