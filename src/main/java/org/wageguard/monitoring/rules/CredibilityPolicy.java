package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 13: attendance that cannot be true — more hours on site in a day than the ceiling, or one worker present on
 * two projects on the same day (the one-row-a-day attendance file cannot hold 31 days of a 30-day month; two sites a
 * day is how that shows here).
 */
@Component
class CredibilityPolicy implements RulePolicy {

    private final WageFacts wages;

    CredibilityPolicy(WageFacts wages) {
        this.wages = wages;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R13;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            Map<Long, List<List<String>>> rows = new LinkedHashMap<>();
            for (WageFacts.WorkerMonth w : ctx.workerMonths(month)) {
                ProjectSummary p = ctx.project(w.projectId());
                RuleParameters params = ctx.params(code(), p.regionCode(), month);
                if (params.enabled() && w.maxHours() != null && w.maxHours().compareTo(params.decimal("maxHours")) > 0) {
                    rows.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(List.of(w.workerName(),
                            Raise.text("monitoring.evidence.hours", w.maxHours().stripTrailingZeros().toPlainString(),
                                    params.value("maxHours"))));
                }
            }
            // One project's evaluation (after its import) reads only the days its own workers were on it.
            List<WageFacts.DoubleBooking> doubleBookings = ctx.projectId() == null ? wages.doubleBookings(month)
                    : wages.doubleBookings(month, ctx.projectId());
            for (WageFacts.DoubleBooking b : doubleBookings) {
                for (String id : b.projectIds().split(",")) {
                    long projectId = Long.parseLong(id);
                    if (ctx.covers(projectId) && ctx.params(code(), ctx.project(projectId).regionCode(), month).enabled()) {
                        rows.computeIfAbsent(projectId, k -> new ArrayList<>()).add(List.of(b.workerName(),
                                Raise.text("monitoring.evidence.doubleBooked", b.day().toString(), b.projects())));
                    }
                }
            }
            rows.forEach((projectId, table) -> {
                List<List<String>> evidence = new ArrayList<>();
                evidence.add(List.of(Raise.text("monitoring.evidence.worker"), Raise.text("monitoring.evidence.fact")));
                evidence.addAll(table.stream().limit(Raise.MAX_EVIDENCE_ROWS).toList());
                raised.add(Raise.project(code(), ctx.project(projectId), month.toString(), Severity.YELLOW,
                        Raise.reason(code(), Raise.month(month), table.size()), evidence));
            });
        }
        return raised;
    }
}
