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

/** Rule 3: pay per attended day below the region's monthly minimum wage divided by the days of a month (21.75). */
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
                .filter(w -> w.attended() && w.paid().signum() > 0)
                .filter(w -> w.paid().divide(BigDecimal.valueOf(w.attendanceDays()), 2, RoundingMode.HALF_UP)
                        .compareTo(daily) < 0)
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Raise.project(code(), p, month.toString(), Severity.RED,
                Raise.reason(code(), Raise.month(month), below.size(), Raise.yuan(daily),
                        params.value("monthlyMinimumWage"), params.value("daysPerMonth")),
                Raise.workerTable(below)));
    }
}
