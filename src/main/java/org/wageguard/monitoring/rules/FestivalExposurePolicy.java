package org.wageguard.monitoring.rules;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.FestivalForecasts;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.Severity;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 16, the festival exposure (春节前欠薪风险测算): a project whose workers' wages earned and not paid (the forecast's
 * exposure, {@link FestivalForecasts}) pass the threshold its region sets ({@code exposureYuan}) — red, since wages
 * are to be paid in full each pay period (《保障农民工工资支付条例》第十二条) and the early-warning platform is to
 * warn of arrears before they become cases (第三十八条). The evidence is the project's worker rows.
 */
@Component
class FestivalExposurePolicy implements StandingRule {

    private final FestivalForecasts forecasts;

    FestivalExposurePolicy(FestivalForecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R16;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (FestivalForecasts.ProjectExposure e : forecasts.exposures(ctx.today(), ctx.projectId())) {
            ProjectSummary p = ctx.project(e.projectId());
            if (p == null || !ctx.covers(p.id()) || !e.overThreshold()) {
                continue;
            }
            List<List<String>> evidence = new ArrayList<>();
            evidence.add(List.of(Raise.text("monitoring.evidence.worker"), Raise.text("monitoring.forecast.col.unpaidDays"),
                    Raise.text("monitoring.forecast.col.rate"), Raise.text("monitoring.forecast.col.lastFull"),
                    Raise.text("monitoring.forecast.col.exposure")));
            forecasts.workers(null, p.id(), ctx.today()).stream().filter(w -> w.exposure().signum() > 0)
                    .limit(Raise.MAX_EVIDENCE_ROWS)
                    .forEach(w -> evidence.add(List.of(w.name(), String.valueOf(w.unpaidDays()), Raise.yuan(w.dailyRate()),
                            w.lastFullMonth() == null ? "—" : Raise.month(w.lastFullMonth()), Raise.yuan(w.exposure()))));
            raised.add(Raise.project(code(), p, EvaluationContext.STANDING, Severity.RED,
                    Raise.reason(code(), p.name(), Raise.yuan(e.exposure()), e.workersOwed(), e.unpaidDays(),
                            Raise.yuan(e.threshold()), Raise.yuan(e.cover())),
                    evidence));
        }
        return raised;
    }
}
