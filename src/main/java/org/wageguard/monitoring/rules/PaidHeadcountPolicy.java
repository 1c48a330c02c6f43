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
 * Rule 2: paid headcount against attended headcount. Below the ratio is yellow; more than the red share of attended
 * workers unpaid is red. A month with nothing paid at all is rule 1's.
 */
@Component
class PaidHeadcountPolicy extends PayMonthPolicy {

    @Override
    public RuleCode code() {
        return RuleCode.R02;
    }

    @Override
    Optional<Raised> check(YearMonth month, ProjectSummary p, RuleParameters params, List<WorkerMonth> rows) {
        List<WorkerMonth> attended = rows.stream().filter(WorkerMonth::attended).toList();
        List<WorkerMonth> unpaid = attended.stream().filter(w -> w.paid().signum() == 0).toList();
        if (attended.isEmpty() || unpaid.isEmpty() || unpaid.size() == attended.size()) {
            return Optional.empty();
        }
        BigDecimal paidPct = pct(attended.size() - unpaid.size(), attended.size());
        BigDecimal unpaidPct = pct(unpaid.size(), attended.size());
        Severity severity = unpaidPct.compareTo(params.decimal("redUnpaidPct")) > 0 ? Severity.RED
                : paidPct.compareTo(params.decimal("paidRatioPct")) < 0 ? Severity.YELLOW : null;
        return Optional.ofNullable(severity).map(s -> Raise.project(code(), p, month.toString(), s,
                Raise.reason(code(), Raise.month(month), attended.size(), attended.size() - unpaid.size(),
                        paidPct.toPlainString(), unpaid.size()),
                Raise.workerTable(unpaid)));
    }

    static BigDecimal pct(int part, int whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
