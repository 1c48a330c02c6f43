package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;

/** Rule 5: wages paid to a card not the worker's own, or one card receiving several workers' wages (Art. 31). */
@Component
class CardPolicy implements RulePolicy {

    private final WageFacts wages;

    CardPolicy(WageFacts wages) {
        this.wages = wages;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R05;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            Map<Long, List<List<String>>> rows = new LinkedHashMap<>();
            Map<Long, int[]> counts = new LinkedHashMap<>();
            for (WageFacts.WorkerMonth w : ctx.workerMonths(month)) {
                if (w.paymentsToOtherCards() > 0) {
                    rows.computeIfAbsent(w.projectId(), k -> new ArrayList<>()).add(List.of(w.workerName(),
                            Raise.text("monitoring.evidence.otherCard", w.paymentsToOtherCards()), Raise.yuan(w.paid())));
                    counts.computeIfAbsent(w.projectId(), k -> new int[2])[0]++;
                }
            }
            for (WageFacts.SharedCard c : wages.sharedCards(month, ctx.projectId())) {
                if (ctx.covers(c.projectId())) {
                    rows.computeIfAbsent(c.projectId(), k -> new ArrayList<>()).add(List.of(c.payees(),
                            Raise.text("monitoring.evidence.sharedCard", c.cardMasked(), c.workers()), ""));
                    counts.computeIfAbsent(c.projectId(), k -> new int[2])[1]++;
                }
            }
            rows.forEach((projectId, table) -> {
                ProjectSummary p = ctx.project(projectId);
                if (!ctx.params(code(), p.regionCode(), month).enabled()) {
                    return;
                }
                List<List<String>> evidence = new ArrayList<>();
                evidence.add(List.of(Raise.text("monitoring.evidence.worker"), Raise.text("monitoring.evidence.fact"),
                        Raise.text("monitoring.evidence.paid")));
                evidence.addAll(table.stream().limit(Raise.MAX_EVIDENCE_ROWS).toList());
                int[] n = counts.get(projectId);
                List<String> facts = new ArrayList<>();
                if (n[0] > 0) {
                    facts.add(Raise.text("monitoring.reason.R05.otherCard", n[0]));
                }
                if (n[1] > 0) {
                    facts.add(Raise.text("monitoring.reason.R05.sharedCard", n[1]));
                }
                raised.add(Raise.project(code(), p, month.toString(), Severity.RED,
                        Raise.reason(code(), Raise.month(month), String.join("，", facts)), evidence));
            });
        }
        return raised;
    }
}
