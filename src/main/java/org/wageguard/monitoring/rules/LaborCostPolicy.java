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
import org.wageguard.project.LaborCostTransfers;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 7: labor cost not transferred into the special account as the contract schedules (orange, Art. 24 and 27);
 * the transfers are those the bank sent through its statement feed (银行报送) and those an industry officer typed in
 * from a paper statement for a bank that cannot send (手工录入), the evidence showing how much came each way;
 * the account's balance at the month's end below the month's payroll, which stands for the next month's (yellow).
 * One alert per project and month carries both facts.
 */
@Component
class LaborCostPolicy implements RulePolicy {

    private final LaborCostTransfers transfers;
    private final WageFacts wages;

    LaborCostPolicy(LaborCostTransfers transfers, WageFacts wages) {
        this.transfers = transfers;
        this.wages = wages;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R07;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        record Found(ProjectSummary project, YearMonth month, List<List<String>> rows, List<String> reasons,
                Severity[] severity) {
        }
        Map<String, Found> found = new LinkedHashMap<>();
        if (ctx.months().isEmpty()) {
            return List.of();
        }
        YearMonth last = ctx.months().get(ctx.months().size() - 1);
        int grace = ctx.projects().stream().mapToInt(p -> ctx.params(code(), p.regionCode()).integer("graceDays"))
                .max().orElse(0);
        for (LaborCostTransfers.Gap g : transfers.gaps(last, grace)) {
            ProjectSummary p = ctx.project(g.projectId());
            if (p == null || !ctx.covers(p.id()) || !ctx.months().contains(g.month())) {
                continue;
            }
            RuleParameters params = ctx.params(code(), p.regionCode());
            int own = params.integer("graceDays");
            if (!params.enabled() || !ctx.today().isAfter(g.month().plusMonths(1).atDay(1).plusDays(own - 1L))) {
                continue;
            }
            Found f = found.computeIfAbsent(p.id() + "/" + g.month(),
                    k -> new Found(p, g.month(), new ArrayList<>(), new ArrayList<>(), new Severity[] {Severity.ORANGE}));
            f.rows().add(List.of(g.month().toString(), Raise.text("monitoring.evidence.scheduled"), Raise.yuan(g.scheduled()),
                    Raise.text("monitoring.evidence.transferred"), Raise.text("monitoring.evidence.transferredBySource",
                            Raise.yuan(g.transferred()), Raise.yuan(g.transferredByBank()), Raise.yuan(g.transferredByHand()))));
            f.reasons().add(Raise.text("monitoring.reason.R07.gap", Raise.month(g.month()), Raise.yuan(g.scheduled()),
                    Raise.yuan(g.transferred())));
            f.severity()[0] = Severity.ORANGE;
        }
        for (YearMonth month : ctx.months()) {
            for (WageFacts.AccountMonth a : wages.accountMonths(month, ctx.projectId())) {
                ProjectSummary p = ctx.project(a.projectId());
                if (p == null || !ctx.covers(p.id()) || !ctx.params(code(), p.regionCode()).enabled()
                        || a.monthPayroll().signum() == 0 || a.balance().compareTo(a.monthPayroll()) >= 0) {
                    continue;
                }
                Found f = found.computeIfAbsent(p.id() + "/" + month,
                        k -> new Found(p, month, new ArrayList<>(), new ArrayList<>(), new Severity[] {Severity.YELLOW}));
                f.rows().add(List.of(month.toString(), Raise.text("monitoring.evidence.balance"), Raise.yuan(a.balance()),
                        Raise.text("monitoring.evidence.monthPayroll"), Raise.yuan(a.monthPayroll())));
                f.reasons().add(Raise.text("monitoring.reason.R07.balance", Raise.month(month), Raise.yuan(a.balance()),
                        Raise.yuan(a.monthPayroll())));
            }
        }
        List<Raised> raised = new ArrayList<>();
        found.values().forEach(f -> {
            List<List<String>> evidence = new ArrayList<>();
            evidence.add(List.of(Raise.text("monitoring.evidence.month"), Raise.text("monitoring.evidence.item"),
                    Raise.text("monitoring.evidence.amount"), Raise.text("monitoring.evidence.item"),
                    Raise.text("monitoring.evidence.amount")));
            evidence.addAll(f.rows());
            raised.add(Raise.project(code(), f.project(), f.month().toString(), f.severity()[0],
                    String.join("；", f.reasons()), evidence));
        });
        return raised;
    }
}
