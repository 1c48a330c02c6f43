package org.wageguard.payroll.reconciliation;

import static org.wageguard.payroll.reconciliation.Values.date;
import static org.wageguard.payroll.reconciliation.WorkerPolicy.money;

/**
 * The rules with one finding per worker and month. "Paid" is the sum of the worker's SUCCESS disbursements
 * for the month (by the {@code month} column); "attendance days" the distinct dates present that month.
 */
enum WorkerMonthPolicy {

    /** A pay sheet line for a month with no attendance. */
    GHOST_PAYROLL {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.hasPayrollLine() && m.attendanceDays() == 0;
        }

        @Override
        String detail(Ledger.MonthView m) {
            return m.monthText() + " 工资表记出勤 " + m.payrollDays() + " 天、实发 " + money(m.netWageFen())
                    + "，但当月没有考勤";
        }
    },

    /** Attendance days differ from the pay sheet's days worked. */
    DAYS_MISMATCH {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.attendanceDays() > 0 && m.hasPayrollLine() && m.attendanceDays() != m.payrollDays();
        }

        @Override
        String detail(Ledger.MonthView m) {
            return m.monthText() + " 考勤 " + m.attendanceDays() + " 天，工资表记出勤 " + m.payrollDays() + " 天";
        }
    },

    /** Attendance but nothing paid. */
    UNPAID {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.attendanceDays() > 0 && m.paidFen() == 0;
        }

        @Override
        String detail(Ledger.MonthView m) {
            return m.monthText() + " 考勤 " + m.attendanceDays() + " 天，"
                    + (m.hasPayrollLine() ? "工资表实发 " + money(m.netWageFen()) + "，" : "")
                    + "但没有成功代发的工资";
        }
    },

    /**
     * Something paid, but more than a fen short of the net wage — unless the worker signed the pay sheet's line
     * (本人签字确认 Y): the signed line is the worker's receipt of the month's net wage, so the part the bank did not
     * pay was paid in cash against it and counts as paid (the findings page lists such months with the reason).
     */
    UNDERPAID {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.hasPayrollLine() && m.paidFen() > 0 && m.paidFen() < m.netWageFen() - 1 && !m.signedReceipt();
        }

        @Override
        String detail(Ledger.MonthView m) {
            return m.monthText() + " 工资表实发 " + money(m.netWageFen()) + "，成功代发仅 " + money(m.paidFen())
                    + "，少 " + money(m.netWageFen() - m.paidFen()) + "；工资表该行没有本人签字确认，差额不能作为现金领取计入";
        }
    },

    /** A SUCCESS payment to a card that is not the worker's roster card (or the worker has none). */
    PAID_TO_OTHER_CARD {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.otherCardRow() >= 0;
        }

        @Override
        String detail(Ledger.MonthView m) {
            int row = m.otherCardRow();
            String roster = m.rosterCard();
            return m.monthText() + " 流水号 " + m.transaction(row) + " 成功代发 " + money(m.amount(row)) + " 至卡号 "
                    + m.card(row) + "，" + (roster == null ? "该工人不在花名册中，没有登记工资卡"
                    : "不是花名册登记的工资卡 " + roster);
        }
    },

    /** A SUCCESS payment dated after the pay sheet's pay day. */
    LATE_PAYMENT {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.hasPayrollLine() && m.lastSuccessDate() > m.payDate();
        }

        @Override
        String detail(Ledger.MonthView m) {
            int row = m.lastSuccessRow();
            return m.monthText() + " 约定发放日 " + date(m.payDate()) + "，流水号 " + m.transaction(row) + " 于 "
                    + date(m.valueDate(row)) + " 才成功代发 " + money(m.amount(row));
        }
    },

    /** A FAILED or RETURNED payment with no SUCCESS one for the month on or after its date. */
    FAILED_NOT_REPAID {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.lastFailureDate() > m.lastSuccessDate();
        }

        @Override
        String detail(Ledger.MonthView m) {
            int row = m.lastFailureRow();
            return m.monthText() + " 流水号 " + m.transaction(row) + " 于 " + date(m.valueDate(row)) + " 代发 "
                    + money(m.amount(row)) + " " + m.status(row) + "，此后没有成功补发";
        }
    },

    /** Two SUCCESS payments alike in card, amount and value date under different transaction ids. */
    DUPLICATE_PAYMENT {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.duplicateFirstRow() >= 0;
        }

        @Override
        String detail(Ledger.MonthView m) {
            int first = m.duplicateFirstRow();
            int second = m.duplicateSecondRow();
            return m.monthText() + " 流水号 " + m.transaction(first) + " 与 " + m.transaction(second) + " 于 "
                    + date(m.valueDate(first)) + " 向卡号 " + m.card(first) + " 各成功代发 " + money(m.amount(first));
        }
    },

    /** More paid in the month than the threshold (a parameter, 50,000 yuan by default). */
    EXCESSIVE_PAY {
        @Override
        boolean breached(Ledger.MonthView m) {
            return m.paidFen() > m.excessivePayFen();
        }

        @Override
        String detail(Ledger.MonthView m) {
            return m.monthText() + " 成功代发合计 " + money(m.paidFen()) + "，超过 " + money(m.excessivePayFen());
        }
    };

    abstract boolean breached(Ledger.MonthView m);

    abstract String detail(Ledger.MonthView m);

    Rule rule() {
        return Rule.valueOf(name());
    }
}
