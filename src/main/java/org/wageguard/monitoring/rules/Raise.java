package org.wageguard.monitoring.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.wageguard.monitoring.Raised;
import org.wageguard.monitoring.RuleCode;
import org.wageguard.monitoring.Severity;
import org.wageguard.monitoring.SubjectKind;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.ProjectSummary;
import org.wageguard.shared.SharedMessages;

/** Building alerts: the Chinese sentence from the bundle, the evidence table, the subject's scope. */
final class Raise {

    /** Evidence tables stop here; the sentence gives the full count. */
    static final int MAX_EVIDENCE_ROWS = 50;

    private Raise() {
    }

    static String text(String key, Object... args) {
        return SharedMessages.chinese("messages/monitoring", key, args);
    }

    static String reason(RuleCode rule, Object... args) {
        return text("monitoring.reason." + rule.name(), args);
    }

    /** 2026年9月 */
    static String month(java.time.YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    static String yuan(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static Raised project(RuleCode rule, ProjectSummary p, String period, Severity severity, String reason,
            List<List<String>> evidence) {
        return new Raised(rule, SubjectKind.PROJECT, p.id(), p.name(), period, severity, reason, evidence,
                p.regionCode(), p.departmentId(), p.id(), p.generalContractorId());
    }

    static Raised worker(RuleCode rule, long workerId, String name, ProjectSummary p, String period, Severity severity,
            String reason, List<List<String>> evidence) {
        return new Raised(rule, SubjectKind.WORKER, workerId, name + "（" + p.name() + "）", period, severity, reason,
                evidence, p.regionCode(), p.departmentId(), p.id(), p.generalContractorId());
    }

    /** The worker-month evidence table: name, attendance days, hours, pay-sheet days, net, paid. */
    static List<List<String>> workerTable(List<WageFacts.WorkerMonth> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(text("monitoring.evidence.worker"), text("monitoring.evidence.month"),
                text("monitoring.evidence.attendanceDays"), text("monitoring.evidence.maxHours"),
                text("monitoring.evidence.payrollDays"), text("monitoring.evidence.net"), text("monitoring.evidence.paid")));
        rows.stream().limit(MAX_EVIDENCE_ROWS).forEach(w -> table.add(List.of(w.workerName(), w.month().toString(),
                String.valueOf(w.attendanceDays()), w.maxHours() == null ? "" : w.maxHours().stripTrailingZeros().toPlainString(),
                w.payrollDays() == null ? "" : String.valueOf(w.payrollDays()), yuan(w.net()), yuan(w.paid()))));
        return table;
    }
}
