package org.wageguard.payroll.reconciliation;

/**
 * The attendance one reader thread has seen: for each (project, worker, month) the days present as a 31-bit
 * set, so that a repeated date counts once and a month costs four bytes whatever its number of rows.
 */
final class AttendanceDays {

    private long[] codes;
    private int[] projects;
    private int[] months;
    /** Day-of-month bits; 0 marks an empty slot (a stored entry has at least one day). */
    private int[] days;
    private int size;
    private int lastSlot = -1;

    AttendanceDays() {
        this(1 << 12);
    }

    AttendanceDays(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
        codes = new long[c];
        projects = new int[c];
        months = new int[c];
        days = new int[c];
    }

    void add(int project, long code, int yyyymm, int day) {
        int bit = 1 << (day - 1);
        int last = lastSlot;
        // Exports grouped by worker repeat the key row after row.
        if (last >= 0 && codes[last] == code && projects[last] == project && months[last] == yyyymm) {
            days[last] |= bit;
            return;
        }
        int mask = days.length - 1;
        int i = hash(project, code, yyyymm) & mask;
        for (; ; i = (i + 1) & mask) {
            if (days[i] == 0) {
                codes[i] = code;
                projects[i] = project;
                months[i] = yyyymm;
                days[i] = bit;
                if (++size * 2 > days.length) {
                    rehash();
                    lastSlot = -1;
                } else {
                    lastSlot = i;
                }
                return;
            }
            if (codes[i] == code && projects[i] == project && months[i] == yyyymm) {
                days[i] |= bit;
                lastSlot = i;
                return;
            }
        }
    }

    /** Visits every entry (in no particular order). */
    void forEach(Visitor visitor) {
        for (int i = 0; i < days.length; i++) {
            if (days[i] != 0) {
                visitor.visit(projects[i], codes[i], months[i], days[i]);
            }
        }
    }

    int size() {
        return size;
    }

    private void rehash() {
        long[] oldCodes = codes;
        int[] oldProjects = projects;
        int[] oldMonths = months;
        int[] oldDays = days;
        int capacity = oldDays.length * 2;
        codes = new long[capacity];
        projects = new int[capacity];
        months = new int[capacity];
        days = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldDays.length; j++) {
            if (oldDays[j] != 0) {
                int i = hash(oldProjects[j], oldCodes[j], oldMonths[j]) & mask;
                while (days[i] != 0) {
                    i = (i + 1) & mask;
                }
                codes[i] = oldCodes[j];
                projects[i] = oldProjects[j];
                months[i] = oldMonths[j];
                days[i] = oldDays[j];
            }
        }
    }

    private static int hash(int project, long code, int yyyymm) {
        return WorkerKeys.mix(code * 0x9E3779B97F4A7C15L + project * 0x632BE59BD9B4E019L + yyyymm);
    }

    /** Reads attendance rows into one thread's table. */
    static final class Reader extends RowReader {
        private AttendanceDays days;

        Reader(ColumnMap map, Keys keys, AttendanceDays days) {
            super(map, keys, Sheet.A_PROJECT, Sheet.A_WORKER, Sheet.A_DATE);
            this.days = days;
        }

        void into(AttendanceDays target) {
            days = target;
        }

        @Override
        void read() {
            int p = project(Sheet.A_PROJECT);
            long w = worker(Sheet.A_WORKER);
            int d = date(Sheet.A_DATE);
            days.add(p, w, d / 100, d % 100);
        }
    }

    @FunctionalInterface
    interface Visitor {
        void visit(int project, long code, int yyyymm, int dayBits);
    }
}
