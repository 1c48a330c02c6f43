package org.wageguard.payroll.reconciliation;

import static org.wageguard.payroll.reconciliation.Values.yuan;

/** The rules with one finding per worker of a project (month empty). */
enum WorkerPolicy {

    /** An ID number in any of the project's rows, payee IDs included, fails GB 11643. */
    INVALID_ID_NUMBER {
        @Override
        boolean breached(Ledger.WorkerView w) {
            return !w.validId();
        }

        @Override
        String detail(Ledger.WorkerView w) {
            return "身份证号 " + w.id() + " 不符合 GB 11643：" + w.idProblem();
        }
    },

    /** Attendance or a pay sheet line for a worker missing from the project's roster. */
    NOT_ON_ROSTER {
        @Override
        boolean breached(Ledger.WorkerView w) {
            return (w.attended() || w.onPayroll()) && !w.onRoster();
        }

        @Override
        String detail(Ledger.WorkerView w) {
            return "该工人在本项目有考勤 " + w.attendanceDays() + " 天、工资表 " + w.payrollLines()
                    + " 条，但不在项目实名制花名册中";
        }
    },

    /** A worker with attendance whose roster row says no labour contract was signed. */
    NO_CONTRACT {
        @Override
        boolean breached(Ledger.WorkerView w) {
            return w.attended() && w.onRoster() && !w.contractSigned();
        }

        @Override
        String detail(Ledger.WorkerView w) {
            return "该工人有考勤 " + w.attendanceDays() + " 天，但花名册登记未签订劳动合同";
        }
    };

    abstract boolean breached(Ledger.WorkerView w);

    abstract String detail(Ledger.WorkerView w);

    Rule rule() {
        return Rule.valueOf(name());
    }

    static String money(long fen) {
        return yuan(fen) + " 元";
    }
}
