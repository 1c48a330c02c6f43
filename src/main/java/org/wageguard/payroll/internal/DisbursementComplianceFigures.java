package org.wageguard.payroll.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wageguard.payroll.ProjectMonthReconciled;
import org.wageguard.payroll.WageFacts;
import org.wageguard.project.BankPayrollStanding;
import org.wageguard.project.ComplianceItems;
import org.wageguard.workforce.Rosters;

/**
 * Whether wages arrived through the bank month by month, for the project module's 银行代发 item (Decree 724 Art. 31):
 * per finished month, the workers with attendance by their employer on the month's roster (用工单位), and of them those
 * with a successful disbursement for the month — attributed as everywhere ({@link WageFacts}). Once a project-month is
 * reconciled (after any roster, attendance, pay-sheet or disbursement import committed), its items are derived again.
 */
@Component
class DisbursementComplianceFigures implements BankPayrollStanding {

    private final WageFacts wages;
    private final Rosters rosters;
    private final ComplianceItems compliance;

    DisbursementComplianceFigures(WageFacts wages, Rosters rosters, ComplianceItems compliance) {
        this.wages = wages;
        this.rosters = rosters;
        this.compliance = compliance;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ProjectMonthReconciled reconciled) {
        // Once per project for the months reconciled together, not once per month.
        if (!reconciled.lastOfTogether()) {
            return;
        }
        compliance.reevaluate(reconciled.projectId());
    }

    @Override
    public List<Month> months(long projectId, LocalDate today, int months) {
        List<Month> result = new ArrayList<>();
        YearMonth thisMonth = YearMonth.from(today);
        // Only the months with attendance are read further (a new project, or one imported in bulk, has none).
        java.util.Set<YearMonth> attendance = new java.util.HashSet<>(rosters.attendanceMonths(projectId));
        for (int back = months; back >= 1; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            if (!attendance.contains(month)) {
                continue;
            }
            List<WageFacts.WorkerMonth> attended = wages.workerMonths(month, projectId).stream()
                    .filter(WageFacts.WorkerMonth::attended).toList();
            if (attended.isEmpty()) {
                continue;
            }
            Map<Long, String> employerOf = new HashMap<>();
            rosters.rosterForProcessing(projectId, month).forEach(r -> employerOf.put(r.workerId(), blank(r.employerCreditCode())));
            Map<String, int[]> byEmployer = new LinkedHashMap<>();
            for (WageFacts.WorkerMonth w : attended) {
                int[] counts = byEmployer.computeIfAbsent(employerOf.get(w.workerId()), k -> new int[2]);
                counts[0]++;
                if (w.paid() != null && w.paid().signum() > 0) {
                    counts[1]++;
                }
            }
            List<Paid> paid = new ArrayList<>();
            byEmployer.forEach((code, counts) -> paid.add(new Paid(code, counts[0], counts[1])));
            result.add(new Month(month, paid));
        }
        return result;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
