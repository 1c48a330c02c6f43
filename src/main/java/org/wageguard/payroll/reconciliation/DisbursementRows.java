package org.wageguard.payroll.reconciliation;

import static org.wageguard.payroll.reconciliation.Sheet.*;

/** The bank's disbursements in file order, as primitives. */
final class DisbursementRows {

    int size;
    int[] project = new int[64];
    int[] transaction = new int[64];
    int[] card = new int[64];
    /** The payee's ID code, or {@link IdNumbers#NONE}. */
    long[] payee = new long[64];
    long[] amount = new long[64];
    int[] valueDate = new int[64];
    byte[] status = new byte[64];
    int[] month = new int[64];

    private void add(int p, int tx, int c, long w, long fen, int date, int st, int m) {
        if (size == project.length) {
            int n = size * 2;
            project = java.util.Arrays.copyOf(project, n);
            transaction = java.util.Arrays.copyOf(transaction, n);
            card = java.util.Arrays.copyOf(card, n);
            payee = java.util.Arrays.copyOf(payee, n);
            amount = java.util.Arrays.copyOf(amount, n);
            valueDate = java.util.Arrays.copyOf(valueDate, n);
            status = java.util.Arrays.copyOf(status, n);
            month = java.util.Arrays.copyOf(month, n);
        }
        project[size] = p;
        transaction[size] = tx;
        card[size] = c;
        payee[size] = w;
        amount[size] = fen;
        valueDate[size] = date;
        status[size] = (byte) st;
        month[size] = m;
        size++;
    }

    static final class Reader extends RowReader {
        private final DisbursementRows rows;
        private final Cards cards;
        private final Cards transactions;
        /** The row each transaction id was first seen on, for the message about a repeat. */
        private int[] firstRow = new int[64];

        Reader(ColumnMap map, Keys keys, Cards cards, Cards transactions, DisbursementRows rows) {
            super(map, keys, D_PROJECT, D_TRANSACTION, D_CARD, D_PAYEE_NAME, D_PAYEE_ID, D_AMOUNT, D_VALUE_DATE,
                    D_STATUS, D_MONTH);
            this.cards = cards;
            this.transactions = transactions;
            this.rows = rows;
        }

        @Override
        void read() {
            int p = project(D_PROJECT);
            int tx = transactions.exact(p, b, s[D_TRANSACTION], e[D_TRANSACTION]);
            if (!transactions.added()) {
                throw problem(D_TRANSACTION, "交易流水号在同一项目内重复（第 " + firstRow[tx] + " 行已有）");
            }
            firstRow = WorkerKeys.grow(firstRow, tx + 1);
            firstRow[tx] = (int) Math.min(row, Integer.MAX_VALUE);
            int c = cards.card(p, b, s[D_CARD], e[D_CARD]);
            long w = present(D_PAYEE_ID) ? worker(D_PAYEE_ID) : IdNumbers.NONE;
            long fen = amount(D_AMOUNT);
            int date = date(D_VALUE_DATE);
            int st = status(D_STATUS);
            int m = month(D_MONTH);
            rows.add(p, tx, c, w, fen, date, st, m);
        }
    }
}
