package org.wageguard.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Whether wages actually arrived month by month through the bank, from which the compliance item 银行代发 is derived
 * (Decree 724 Art. 31): kept by the payroll module, which implements this, so that the project module reads it without
 * depending on it.
 */
public interface BankPayrollStanding {

    /**
     * Workers of one employer on the project in a month: those with attendance, and of them those who received wages
     * for the month by a successful disbursement from the special account.
     *
     * @param employerCreditCode the employer on the worker's roster line (用工单位); null where the roster names none
     */
    record Paid(String employerCreditCode, int attended, int paid) {
    }

    record Month(YearMonth month, List<Paid> byEmployer) {
    }

    /** The finished months among the last {@code months} before today's in which workers attended, oldest first. */
    List<Month> months(long projectId, LocalDate today, int months);
}
