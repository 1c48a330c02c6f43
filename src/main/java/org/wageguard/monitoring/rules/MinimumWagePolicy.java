package org.wageguard.monitoring.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.RuleParameters;
import org.wageguard.monitoring.Severity;
import org.wageguard.payroll.WageFacts.WorkerMonth;
import org.wageguard.project.ProjectSummary;

/**
 * Rule 3: the wage due (应发工资, the pay sheet's payable amount for the month, before deductions) per attended day
 * below the region's monthly minimum wage divided by the days of a month (21.75) — 《最低工资规定》 Art. 12: the
 * minimum wage is what is payable for normal working time, so what was paid after deductions is not the measure.
 * Workers without a pay-sheet line have no wage due on record (rules 1 and 2 see that nothing was paid).
 */
@Component
class MinimumWagePolicy extends PayMonthPolicy {

    @Override
    public RuleCode code() {
        return RuleCode.R03;
    }

    @Override
    Optional<Raised> check(YearMonth month, ProjectSummary p, RuleParameters params, List<WorkerMonth> rows) {
        BigDecimal daily = params.decimal("monthlyMinimumWage").divide(params.decimal("daysPerMonth"), 2,
                RoundingMode.HALF_UP);
        List<WorkerMonth> below = rows.stream()
                .filter(w -> w.attended() && w.gross() != null)
                .filter(w -> perDay(w).compareTo(daily) < 0)
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Raise.project(code(), p, month.toString(), Severity.RED,
                Raise.reason(code(), Raise.month(month), below.size(), Raise.yuan(daily),
                        params.value("monthlyMinimumWage"), params.value("daysPerMonth")),
                table(below)));
    }

    private static BigDecimal perDay(WorkerMonth w) {
        return w.gross().divide(BigDecimal.valueOf(w.attendanceDays()), 2, RoundingMode.HALF_UP);
    }

    /** Name, month, attendance days, the wage due, due per day, paid. */
    private static List<List<String>> table(List<WorkerMonth> rows) {
        List<List<String>> table = new java.util.ArrayList<>();
        table.add(List.of(Raise.text("monitoring.evidence.worker"), Raise.text("monitoring.evidence.month"),
                Raise.text("monitoring.evidence.attendanceDays"), Raise.text("monitoring.evidence.gross"),
                Raise.text("monitoring.evidence.grossPerDay"), Raise.text("monitoring.evidence.paid")));
        rows.stream().limit(Raise.MAX_EVIDENCE_ROWS).forEach(w -> table.add(List.of(w.workerName(), w.month().toString(),
                String.valueOf(w.attendanceDays()), Raise.yuan(w.gross()), Raise.yuan(perDay(w)), Raise.yuan(w.paid()))));
        return table;
    }
}
