package org.wageguard.monitoring.rules;

import java.math.BigDecimal;
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

/** Rule 1: workers attended in a month and nothing was paid through the special account by the end of the next. */
@Component
class NoPayrollPolicy extends PayMonthPolicy {

    @Override
    public RuleCode code() {
        return RuleCode.R01;
    }

    @Override
    Optional<Raised> check(YearMonth month, ProjectSummary p, RuleParameters params, List<WorkerMonth> rows) {
        List<WorkerMonth> attended = rows.stream().filter(WorkerMonth::attended).toList();
        BigDecimal paid = rows.stream().map(WorkerMonth::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (attended.isEmpty() || paid.signum() != 0) {
            return Optional.empty();
        }
        return Optional.of(Raise.project(code(), p, month.toString(), Severity.RED,
                Raise.reason(code(), Raise.month(month), attended.size(),
                        month.plusMonths(params.integer("graceMonths")).atEndOfMonth().toString()),
                Raise.workerTable(attended)));
    }
}
