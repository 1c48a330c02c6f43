package org.wageguard.payroll.reconciliation;

import static org.wageguard.payroll.reconciliation.Sheet.*;

/** The roster's rows in file order, as primitives. */
final class RosterRows {

    int size;
    int[] project = new int[64];
    long[] worker = new long[64];
    int[] card = new int[64];
    boolean[] contractSigned = new boolean[64];

    private void add(int p, long w, int c, boolean signed) {
        if (size == project.length) {
            int n = size * 2;
            project = java.util.Arrays.copyOf(project, n);
            worker = java.util.Arrays.copyOf(worker, n);
            card = java.util.Arrays.copyOf(card, n);
            contractSigned = java.util.Arrays.copyOf(contractSigned, n);
        }
        project[size] = p;
        worker[size] = w;
        card[size] = c;
        contractSigned[size] = signed;
        size++;
    }

    static final class Reader extends RowReader {
        private final RosterRows rows;
        private final Cards cards;

        Reader(ColumnMap map, Keys keys, Cards cards, RosterRows rows) {
            super(map, keys, R_PROJECT, R_WORKER, R_NAME, R_CARD, R_CONTRACT, R_ENTRY, R_EXIT);
            this.cards = cards;
            this.rows = rows;
        }

        @Override
        void read() {
            int p = project(R_PROJECT);
            long w = worker(R_WORKER);
            int c = cards.card(p, b, s[R_CARD], e[R_CARD]);
            boolean signed = yesNo(R_CONTRACT);
            date(R_ENTRY);
            if (present(R_EXIT)) {
                date(R_EXIT);
            }
            rows.add(p, w, c, signed);
        }
    }
}
