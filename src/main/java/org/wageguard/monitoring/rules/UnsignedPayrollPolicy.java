package org.wageguard.monitoring.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.PaySlips;
import org.wageguard.payroll.PayrollLedger;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 15: a pay sheet with lines the workers did not sign — Decree 724 Art. 30 (the pay sheet is signed by the
 * workers) and Art. 15 (the signed pay ledger is kept): the evidence is the unsigned lines.
 */
@Component
class UnsignedPayrollPolicy implements RulePolicy {

    private final PaySlips slips;

    UnsignedPayrollPolicy(PaySlips slips) {
        this.slips = slips;
    }

    @Override
    public RuleCode code() {
        return RuleCode.R15;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            for (PaySlips.UnsignedSheet sheet : slips.unsignedSheets(month, ctx.projectId())) {
                if (!ctx.covers(sheet.projectId())) {
                    continue;
                }
                ProjectSummary p = ctx.project(sheet.projectId());
                if (!ctx.params(code(), p.regionCode(), month).enabled()) {
                    continue;
                }
                List<List<String>> evidence = new ArrayList<>();
                evidence.add(List.of(Raise.text("monitoring.evidence.worker"), Raise.text("monitoring.evidence.month"),
                        Raise.text("monitoring.evidence.payrollDays"), Raise.text("monitoring.evidence.net"),
                        Raise.text("monitoring.evidence.signed")));
                for (PayrollLedger.Line l : sheet.unsignedLines().stream().limit(Raise.MAX_EVIDENCE_ROWS).toList()) {
                    evidence.add(List.of(l.name(), month.toString(), String.valueOf(l.daysWorked()), Raise.yuan(l.net()),
                            Raise.text("monitoring.evidence.unsigned")));
                }
                raised.add(Raise.project(code(), p, month.toString(), Severity.ORANGE,
                        Raise.reason(code(), Raise.month(month), sheet.unsigned(), sheet.lines()), evidence));
            }
        }
        return raised;
    }
}
