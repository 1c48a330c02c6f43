package org.wageguard.monitoring.rules;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts.WorkerMonth;
import org.wageguard.project.ProjectSummary;

/** Rule 10: a worker who left the site in the month (roster exit date) and whose last month was not paid in full. */
@Component
class LeaverSettlementPolicy implements RulePolicy {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Override
    public RuleCode code() {
        return RuleCode.R10;
    }

    @Override
    public List<Raised> evaluate(EvaluationContext ctx) {
        List<Raised> raised = new ArrayList<>();
        for (YearMonth month : ctx.months()) {
            for (WorkerMonth w : ctx.workerMonths(month)) {
                if (w.exitDate() == null || !YearMonth.from(w.exitDate()).equals(month) || !w.attended()) {
                    continue;
                }
                ProjectSummary p = ctx.project(w.projectId());
                RuleParameters params = ctx.params(code(), p.regionCode(), month);
                if (!params.enabled() || !ctx.today().isAfter(w.exitDate().plusDays(params.integer("settleDays")))) {
                    continue;
                }
                boolean settled = w.net() == null ? w.paid().signum() > 0
                        : w.paid().compareTo(w.net().subtract(CENT)) >= 0;
                if (!settled) {
                    raised.add(Raise.worker(code(), w.workerId(), w.workerName(), p, month.toString(), Severity.RED,
                            Raise.reason(code(), w.workerName(), w.exitDate().toString(), w.attendanceDays(),
                                    w.net() == null ? Raise.text("monitoring.evidence.noPayroll") : Raise.yuan(w.net()),
                                    Raise.yuan(w.paid())),
                            Raise.workerTable(List.of(w))));
                }
            }
        }
        return raised;
    }
}
