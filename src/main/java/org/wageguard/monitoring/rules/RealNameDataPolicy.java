package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;
import org.wageguard.workforce.Rosters;

/**
 * Rule 9: real-name data incomplete or stale — attendance coverage of the roster below its standard, the share of
 * working days with attendance updates below its standard, or attending workers without a labor contract. The seed
 * names this as a main difficulty. Only a finished month is judged.
 */
@Component
class RealNameDataPolicy implements RulePolicy {

    private final Rosters rosters;
    private final WageFacts wages;

    RealNameDataPolicy(Rosters rosters, WageFacts wages) {
        this.rosters = rosters;
        this.wages = wages;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R09;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            if (!month.isBefore(YearMonth.from(ctx.today()))) {
                continue;
            }
            for (WageFacts.Headcount headcount : wages.rosterHeadcounts(month, ctx.projectId())) {
                ProjectSummary p = ctx.project(headcount.projectId());
                if (p == null || !ctx.covers(p.id())) {
                    continue;
                }
                RuleParameters params = ctx.params(code(), p.regionCode(), month);
                if (!params.enabled()) {
                    continue;
                }
                Rosters.Coverage c = rosters.coverage(p.id(), month);
                List<WageFacts.WorkerMonth> noContract = ctx.workerMonths(month).stream()
                        .filter(w -> w.projectId() == p.id() && w.attended() && Boolean.FALSE.equals(w.contractSigned()))
                        .toList();
                List<String> reasons = new ArrayList<>();
                if (c.coverageRate().compareTo(params.decimal("coveragePct")) < 0) {
                    reasons.add(Raise.text("monitoring.reason.R09.coverage", c.attended(), c.rostered(),
                            c.coverageRate().toPlainString(), params.value("coveragePct")));
                }
                if (c.updateRate().compareTo(params.decimal("updateRatePct")) < 0) {
                    reasons.add(Raise.text("monitoring.reason.R09.update", c.daysWithUpdates(), c.days(),
                            c.updateRate().toPlainString(), params.value("updateRatePct")));
                }
                if (!noContract.isEmpty()) {
                    reasons.add(Raise.text("monitoring.reason.R09.contract", noContract.size()));
                }
                if (!reasons.isEmpty()) {
                    List<List<String>> evidence = new ArrayList<>();
                    evidence.add(List.of(Raise.text("monitoring.evidence.month"), Raise.text("monitoring.evidence.rostered"),
                            Raise.text("monitoring.evidence.attended"), Raise.text("monitoring.evidence.coverage"),
                            Raise.text("monitoring.evidence.updateRate"), Raise.text("monitoring.evidence.noContract")));
                    evidence.add(List.of(month.toString(), String.valueOf(c.rostered()), String.valueOf(c.attended()),
                            c.coverageRate().toPlainString() + "%", c.updateRate().toPlainString() + "%",
                            String.join("、", noContract.stream().map(WageFacts.WorkerMonth::workerName).toList())));
                    raised.add(Raise.project(code(), p, month.toString(), Severity.YELLOW,
                            Raise.month(month) + "：" + String.join("；", reasons), evidence));
                }
            }
        }
        return raised;
    }
}
