package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.monitoring.SubjectKind;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 4: one worker paid more than the month's or the year's ceiling — wages of a team routed through a foreman.
 * The month's check is per project; the year's sums every project (its region's parameters are those of the project
 * paying most recently).
 */
@Component
class ExcessivePayPolicy implements RulePolicy {

    private final WageFacts wages;

    ExcessivePayPolicy(WageFacts wages) {
        this.wages = wages;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R04;
    }

    @Override
    public List<String> periods(EvaluationContext ctx) {
        List<String> periods = new ArrayList<>(RulePolicy.super.periods(ctx));
        if (ctx.projectId() == null) {
            years(ctx).forEach(y -> periods.add(String.valueOf(y)));
        }
        return periods;
    }

    private static TreeSet<Integer> years(EvaluationContext ctx) {
        TreeSet<Integer> years = new TreeSet<>();
        ctx.months().forEach(m -> years.add(m.getYear()));
        return years;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            for (WageFacts.WorkerMonth w : ctx.workerMonths(month)) {
                ProjectSummary p = ctx.project(w.projectId());
                RuleParameters params = ctx.params(code(), p.regionCode(), month);
                if (params.enabled() && w.paid().compareTo(params.decimal("monthMax")) > 0) {
                    raised.add(Raise.worker(code(), w.workerId(), w.workerName(), p, month.toString(), Severity.RED,
                            Raise.text("monitoring.reason.R04.month", w.workerName(), Raise.month(month),
                                    Raise.yuan(w.paid()), params.value("monthMax")),
                            Raise.workerTable(List.of(w))));
                }
            }
        }
        if (ctx.projectId() != null) {
            return raised;
        }
        for (int year : years(ctx)) {
            // The lowest ceiling of any region bounds the query; each worker is then checked against their own region.
            java.math.BigDecimal floor = ctx.projects().stream()
                    .map(p -> ctx.params(code(), p.regionCode()).decimal("yearMax"))
                    .min(java.math.BigDecimal::compareTo).orElse(null);
            if (floor == null) {
                continue;
            }
            for (WageFacts.YearPay y : wages.yearPayAbove(year, floor)) {
                ProjectSummary p = ctx.project(y.projectId());
                if (p == null) {
                    continue;
                }
                RuleParameters params = ctx.params(code(), p.regionCode());
                if (params.enabled() && y.paid().compareTo(params.decimal("yearMax")) > 0) {
                    raised.add(new Raised(code(), SubjectKind.WORKER, y.workerId(), y.workerName(), String.valueOf(year),
                            Severity.RED, Raise.text("monitoring.reason.R04.year", y.workerName(), String.valueOf(year),
                                    Raise.yuan(y.paid()), y.projects(), params.value("yearMax")),
                            List.of(List.of(Raise.text("monitoring.evidence.worker"), Raise.text("monitoring.evidence.year"),
                                    Raise.text("monitoring.evidence.paid"), Raise.text("monitoring.evidence.projects")),
                                    List.of(y.workerName(), String.valueOf(year), Raise.yuan(y.paid()),
                                            String.valueOf(y.projects()))),
                            p.regionCode(), p.departmentId(), null, null));
                }
            }
        }
        return raised;
    }
}
