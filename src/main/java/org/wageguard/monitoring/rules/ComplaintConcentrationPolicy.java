package org.wageguard.monitoring.rules;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wageguard.casework.CaseFacts;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.monitoring.SubjectKind;

/**
 * Rule 11: complaints concentrating on one employer or project within the window, or a group complaint of many
 * workers. One alert per subject: a concentration that persists keeps updating it, one that has passed resolves it,
 * and a new one reopens it.
 */
@Component
class ComplaintConcentrationPolicy implements StandingRule {

    private final CaseFacts cases;

    ComplaintConcentrationPolicy(CaseFacts cases) {
        this.cases = cases;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R11;
    }



    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        int widest = ctx.projects().stream().mapToInt(p -> ctx.params(code(), p.regionCode()).integer("windowDays"))
                .max().orElse(Integer.parseInt(code().defaults().get("windowDays")));
        List<Raised> raised = new ArrayList<>();
        String period = EvaluationContext.STANDING;
        for (CaseFacts.Concentration c : cases.concentration(ctx.today().minusDays(widest))) {
            RuleParameters params = ctx.params(code(), c.regionCode());
            if (!params.enabled()) {
                continue;
            }
            // Counted again within the region's own window when it is narrower than the widest.
            CaseFacts.Concentration own = params.integer("windowDays") == widest ? c
                    : cases.concentration(ctx.today().minusDays(params.integer("windowDays"))).stream()
                            .filter(o -> o.subjectKind().equals(c.subjectKind()) && o.subjectId() == c.subjectId())
                            .findFirst().orElse(null);
            if (own == null) {
                continue;
            }
            boolean many = own.complaints() >= params.integer("minComplaints");
            boolean group = own.largestGroup() >= params.integer("groupWorkers");
            if (!many && !group) {
                continue;
            }
            SubjectKind kind = SubjectKind.valueOf(own.subjectKind());
            Long projectId = kind == SubjectKind.PROJECT ? own.subjectId() : null;
            Long employerId = kind == SubjectKind.EMPLOYER ? own.subjectId() : null;
            raised.add(new Raised(code(), kind, own.subjectId(), own.subjectName(), period, Severity.RED,
                    Raise.reason(code(), params.value("windowDays"), own.complaints(), own.largestGroup()),
                    List.of(List.of(Raise.text("monitoring.evidence.cases"), Raise.text("monitoring.evidence.complaints"),
                            Raise.text("monitoring.evidence.largestGroup")),
                            List.of(own.caseNumbers(), String.valueOf(own.complaints()), String.valueOf(own.largestGroup()))),
                    own.regionCode(), own.departmentId(), projectId, employerId));
        }
        return raised;
    }
}
