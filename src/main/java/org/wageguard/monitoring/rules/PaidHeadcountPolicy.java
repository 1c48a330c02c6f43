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
 * Rule 2: workers paid in full against attended workers. A worker counts as not paid in full when nothing reached them
 * (the reconciliation's 未发工资, UNPAID) or when less than the pay sheet's net wage reached them (少发工资, UNDERPAID:
 * 《保障农民工工资支付条例》 Art. 3 and 12, wages paid in full and on time). Below the ratio is yellow; more than the red
 * share of attended workers not paid in full is red. A month with nothing paid at all is rule 1's.
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
        List<WorkerMonth> underpaid = attended.stream().filter(w -> w.paid().signum() > 0 && w.shortOfNet()).toList();
        boolean nothingPaid = rows.stream().allMatch(w -> w.paid().signum() == 0);
        if (attended.isEmpty() || nothingPaid || unpaid.size() + underpaid.size() == 0) {
            return Optional.empty();
        }
        int notInFull = unpaid.size() + underpaid.size();
        BigDecimal paidPct = pct(attended.size() - notInFull, attended.size());
        BigDecimal unpaidPct = pct(notInFull, attended.size());
        Severity severity = unpaidPct.compareTo(params.decimal("redUnpaidPct")) > 0 ? Severity.RED
                : paidPct.compareTo(params.decimal("paidRatioPct")) < 0 ? Severity.YELLOW : null;
        String reason = Raise.reason(code(), Raise.month(month), attended.size(), attended.size() - notInFull,
                paidPct.toPlainString(), unpaid.size());
        if (!underpaid.isEmpty()) {
            BigDecimal due = underpaid.stream().map(WorkerMonth::net).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paid = underpaid.stream().map(WorkerMonth::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            reason += Raise.text("monitoring.reason.R02.underpaid", underpaid.size(), Raise.yuan(due.subtract(paid)),
                    Raise.yuan(due), Raise.yuan(paid));
        }
        List<WorkerMonth> evidence = new java.util.ArrayList<>(unpaid);
        evidence.addAll(underpaid);
        String text = reason;
        return Optional.ofNullable(severity).map(s -> Raise.project(code(), p, month.toString(), s, text,
                Raise.workerTable(evidence)));
    }

    static BigDecimal pct(int part, int whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
