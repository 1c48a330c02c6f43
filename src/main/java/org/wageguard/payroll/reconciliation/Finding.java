package org.wageguard.payroll.reconciliation;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One finding of a reconciliation: one row of {@code findings.csv}.
 *
 * @param workerIdNumber the worker's ID number as keyed (check character upper-case), or null for card and
 *                       payment findings
 * @param month          the payroll month, or null for findings about a worker or card as a whole
 * @param detail         a Chinese sentence naming the amounts, days, cards and transaction ids involved
 */
public record Finding(Rule rule, Severity severity, String projectCode, String workerIdNumber, YearMonth month,
                      String detail) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(projectCode, "projectCode");
        Objects.requireNonNull(detail, "detail");
        if (severity != rule.severity()) {
            throw new IllegalArgumentException(rule + " is " + rule.severity() + ", not " + severity);
        }
    }

    public Finding(Rule rule, String projectCode, String workerIdNumber, YearMonth month, String detail) {
        this(rule, rule.severity(), projectCode, workerIdNumber, month, detail);
    }
}
