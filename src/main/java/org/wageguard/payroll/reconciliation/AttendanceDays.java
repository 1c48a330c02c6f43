package org.wageguard.payroll.reconciliation;

/**
 * The attendance one reader thread has seen: for each (project, month) group, each worker's days present as a
 * 31-bit set, so that a repeated date counts once and a month costs a few bytes whatever its number of rows.
 */
final class AttendanceDays {

    private final WorkerKeys groupIds = new WorkerKeys();
    private int[] groupProject = new int[64];
    private int[] groupMonth = new int[64];
    private final GroupedKeys days = new GroupedKeys();
    private int lastProject = -1;
    private int lastMonth = -1;
    private int lastGroup = -1;

    void add(int project, long code, int yyyymm, int day) {
        if (project != lastProject || yyyymm != lastMonth) {
            lastGroup = groupIds.intern(project, yyyymm);
            if (groupIds.added()) {
                groupProject = WorkerKeys.grow(groupProject, lastGroup + 1);
                groupMonth = WorkerKeys.grow(groupMonth, lastGroup + 1);
                groupProject[lastGroup] = project;
                groupMonth[lastGroup] = yyyymm;
            }
            lastProject = project;
            lastMonth = yyyymm;
        }
        days.or(lastGroup, code, 1 << (day - 1));
    }

    /** Visits every entry, group by group. */
    void forEach(Visitor visitor) {
        for (int g = 0; g < groupIds.size(); g++) {
            int project = groupProject[g];
            int month = groupMonth[g];
            days.forEach(g, (code, bits) -> visitor.visit(project, code, month, bits));
        }
    }

    int size() {
        return days.size();
    }

    /** Reads attendance rows into one thread's table. */
    static final class Reader extends RowReader {
        private final AttendanceDays days;

        Reader(ColumnMap map, Keys keys, AttendanceDays days) {
            super(map, keys, Sheet.A_PROJECT, Sheet.A_WORKER, Sheet.A_DATE);
            this.days = days;
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
