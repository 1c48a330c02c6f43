package org.wageguard.payroll.reconciliation;

/**
 * Turns one record of a sheet into typed values, by the reading rules of FORMATS.md: values trimmed, an empty
 * cell absent, a row of empty cells skipped, a required cell empty or a value that does not parse refused with
 * file, row, column and reason.
 */
abstract class RowReader {

    final ColumnMap map;
    final Keys keys;
    final Keys.ProjectCache projects;
    /** The columns this reader looks at; the others are only checked for blankness. */
    private final int[] used;

    byte[] b;
    /** Trimmed range of each column in {@link #b}; start == end when absent or empty. */
    final int[] s;
    final int[] e;
    long row;

    RowReader(ColumnMap map, Keys keys, int... used) {
        this.map = map;
        this.keys = keys;
        this.projects = keys.new ProjectCache();
        this.used = used;
        this.s = new int[map.physical.length];
        this.e = new int[map.physical.length];
    }

    /**
     * Reads one record.
     *
     * @param row the record's number as in a spreadsheet (header = 1)
     */
    final void accept(byte[] buf, int[] starts, int[] ends, int fieldCount, long row) {
        this.b = buf;
        this.row = row;
        int[] physical = map.physical;
        for (int c : used) {
            int p = physical[c];
            if (p >= 0 && p < fieldCount) {
                int from = Values.trimStart(buf, starts[p], ends[p]);
                s[c] = from;
                e[c] = Values.trimEnd(buf, from, ends[p]);
            } else {
                s[c] = 0;
                e[c] = 0;
            }
        }
        for (int c : map.required) {
            if (s[c] == e[c]) {
                if (blank(buf, starts, ends, fieldCount)) {
                    return;
                }
                throw problem(c, "必填项为空");
            }
        }
        read();
    }

    abstract void read();

    final boolean present(int c) {
        return s[c] < e[c];
    }

    final int project(int c) {
        return projects.project(b, s[c], e[c]);
    }

    final long worker(int c) {
        return keys.worker(b, s[c], e[c]);
    }

    final int date(int c) {
        int d = Values.date(b, s[c], e[c]);
        if (d < 0) {
            throw problem(c, "不是真实的日期（应为 YYYY-MM-DD）");
        }
        return d;
    }

    final int month(int c) {
        int m = Values.month(b, s[c], e[c]);
        if (m < 0) {
            throw problem(c, "不是真实的月份（应为 YYYY-MM）");
        }
        return m;
    }

    final long amount(int c) {
        long fen = Values.amount(b, s[c], e[c]);
        if (fen < 0) {
            throw problem(c, "不是不小于零、最多两位小数的金额");
        }
        return fen;
    }

    final int wholeNumber(int c) {
        int n = Values.wholeNumber(b, s[c], e[c]);
        if (n < 0) {
            throw problem(c, "不是非负整数");
        }
        return n;
    }

    final boolean yesNo(int c) {
        int v = Values.yesNo(b, s[c], e[c]);
        if (v < 0) {
            throw problem(c, "只能填 Y 或 N（是/否）");
        }
        return v == 1;
    }

    final int status(int c) {
        int v = Values.status(b, s[c], e[c]);
        if (v < 0) {
            throw problem(c, "只能填 SUCCESS、FAILED 或 RETURNED（成功/失败/退回）");
        }
        return v;
    }

    final UnreadableInputException problem(int c, String reason) {
        String value = new String(b, s[c], e[c] - s[c], java.nio.charset.StandardCharsets.UTF_8);
        return new UnreadableInputException(map.file, row, map.label(c), value, reason);
    }

    static boolean blank(byte[] buf, int[] starts, int[] ends, int fieldCount) {
        for (int p = 0; p < fieldCount; p++) {
            if (Values.trimStart(buf, starts[p], ends[p]) < ends[p]) {
                return false;
            }
        }
        return true;
    }
}
