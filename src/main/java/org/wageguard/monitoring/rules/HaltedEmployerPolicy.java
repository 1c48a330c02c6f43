package org.wageguard.monitoring.rules;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wageguard.employer.Employers;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.Severity;
import org.wageguard.monitoring.SubjectKind;

/**
 * Rule 14: an employer outside construction reported (by its grid or an inspection) as halted or half-running while
 * it still employs workers — the seed's third difficulty, arrears spreading to factories, hospitals and hotels.
 */
@Component
class HaltedEmployerPolicy implements StandingRule {

    private final Employers employers;

    HaltedEmployerPolicy(Employers employers) {
        this.employers = employers;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R14;
    }



    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (Employers.Halted e : employers.haltedWithWorkers()) {
            if (!ctx.params(code(), e.regionCode()).enabled()) {
                continue;
            }
            String status = Raise.text("monitoring.employer.status." + e.operatingStatus());
            raised.add(new Raised(code(), SubjectKind.EMPLOYER, e.id(), e.name(), EvaluationContext.STANDING,
                    Severity.ORANGE, Raise.reason(code(), e.name(), status, e.employeeCount()),
                    List.of(List.of(Raise.text("monitoring.evidence.employer"), Raise.text("monitoring.evidence.creditCode"),
                            Raise.text("monitoring.evidence.industry"), Raise.text("monitoring.evidence.status"),
                            Raise.text("monitoring.evidence.employees")),
                            List.of(e.name(), e.creditCode(), e.industryCode(), status, String.valueOf(e.employeeCount()))),
                    e.regionCode(), e.supervisingDepartmentId(), null, e.id()));
        }
        return raised;
    }
}
