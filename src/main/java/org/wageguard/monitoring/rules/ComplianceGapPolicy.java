package org.wageguard.monitoring.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.project.ComplianceItems;
import org.wageguard.project.ComplianceKind;
import org.wageguard.project.ComplianceStatus;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 8: a compliance item missing — no special account some days after the contract, no wage deposit, no
 * rights-notice board, no payment guarantee — as the project module derives it from recorded facts.
 */
@Component
class ComplianceGapPolicy implements StandingRule {

    private static final List<ComplianceKind> WATCHED = List.of(ComplianceKind.SPECIAL_ACCOUNT, ComplianceKind.WAGE_DEPOSIT,
            ComplianceKind.NOTICE_BOARD, ComplianceKind.PAYMENT_GUARANTEE);

    private final ComplianceItems compliance;

    ComplianceGapPolicy(ComplianceItems compliance) {
        this.compliance = compliance;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R08;
    }



    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<ProjectSummary> projects = List.copyOf(ctx.projects());
        Map<Long, Map<ComplianceKind, ComplianceItems.Item>> matrix = compliance
                .matrix(projects.stream().map(ProjectSummary::id).toList());
        List<Raised> raised = new ArrayList<>();
        for (ProjectSummary p : projects) {
            RuleParameters params = ctx.params(code(), p.regionCode());
            if (!params.enabled()) {
                continue;
            }
            List<List<String>> evidence = new ArrayList<>();
            evidence.add(List.of(Raise.text("monitoring.evidence.item"), Raise.text("monitoring.evidence.status"),
                    Raise.text("monitoring.evidence.fact")));
            List<String> names = new ArrayList<>();
            for (ComplianceKind kind : WATCHED) {
                ComplianceItems.Item item = matrix.getOrDefault(p.id(), Map.of()).get(kind);
                boolean gap = item == null || item.status() == ComplianceStatus.MISSING
                        || item.status() == ComplianceStatus.EXPIRED;
                if (kind == ComplianceKind.SPECIAL_ACCOUNT
                        && !ctx.today().isAfter(p.contractDate().plusDays(params.integer("accountDays")))) {
                    gap = false;
                }
                if (gap) {
                    String name = Raise.text("monitoring.compliance." + kind.name());
                    names.add(name);
                    evidence.add(List.of(name, item == null ? "" : Raise.text("monitoring.compliance.status." + item.status()),
                            item == null || item.reason() == null ? "" : item.reason()));
                }
            }
            if (!names.isEmpty()) {
                raised.add(Raise.project(code(), p, EvaluationContext.STANDING, Severity.YELLOW,
                        Raise.reason(code(), String.join("、", names)), evidence));
            }
        }
        return raised;
    }
}
