package org.wageguard.payroll.reconciliation;

import static org.wageguard.payroll.reconciliation.Sheet.*;

/** The pay sheet's lines in file order, as primitives. */
final class PayrollRows {

    int size;
    int[] project = new int[64];
    long[] worker = new long[64];
    int[] month = new int[64];
    int[] days = new int[64];
    long[] net = new long[64];
    int[] payDate = new int[64];
    /** The worker signed the line (本人签字确认 Y): their receipt of the net wage, whatever part was paid in cash. */
    boolean[] signed = new boolean[64];

    private void add(int p, long w, int m, int d, long netFen, int pay, boolean sign) {
        if (size == project.length) {
            int n = size * 2;
            project = java.util.Arrays.copyOf(project, n);
            worker = java.util.Arrays.copyOf(worker, n);
            month = java.util.Arrays.copyOf(month, n);
            days = java.util.Arrays.copyOf(days, n);
            net = java.util.Arrays.copyOf(net, n);
            payDate = java.util.Arrays.copyOf(payDate, n);
            signed = java.util.Arrays.copyOf(signed, n);
        }
        project[size] = p;
        worker[size] = w;
        month[size] = m;
        days[size] = d;
        net[size] = netFen;
        payDate[size] = pay;
        signed[size] = sign;
        size++;
    }

    static final class Reader extends RowReader {
        private final PayrollRows rows;

        Reader(ColumnMap map, Keys keys, PayrollRows rows) {
            super(map, keys, P_PROJECT, P_MONTH, P_WORKER, P_NAME, P_DAYS, P_GROSS, P_DEDUCTIONS, P_NET,
                    P_PAY_DATE, P_SIGNED);
            this.rows = rows;
        }

        @Override
        void read() {
            int p = project(P_PROJECT);
            int m = month(P_MONTH);
            long w = worker(P_WORKER);
            int d = wholeNumber(P_DAYS);
            amount(P_GROSS);
            if (present(P_DEDUCTIONS)) {
                amount(P_DEDUCTIONS);
            }
            long netFen = amount(P_NET);
            int pay = date(P_PAY_DATE);
            boolean sign = present(P_SIGNED) && yesNo(P_SIGNED);
            rows.add(p, w, m, d, netFen, pay, sign);
        }
    }
}
