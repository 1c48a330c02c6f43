package org.wageguard.payroll.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The fast path for the bulk of a data set: a region of {@code attendance.csv} read line by line, fields cut and
 * parsed in one pass with no per-cell bookkeeping. It handles only the plain case — no quotes, no bare carriage
 * returns, every required cell present and well-formed — and gives up with {@link CsvTokenizer.QuoteSeen} on
 * anything else, so that the general reader, reading the file again, accepts or refuses it by the same rules
 * as every other file.
 */
final class AttendanceChunk {

    private static final byte PROJECT = 1;
    private static final byte WORKER = 2;
    private static final byte DATE = 3;

    private final Keys keys;
    private final Keys.ProjectCache projects;
    private final AttendanceDays days;
    /** The role of each field of a line, by position. */
    private final byte[] roles;

    AttendanceChunk(ColumnMap map, Keys keys, AttendanceDays days) {
        this.keys = keys;
        this.projects = keys.new ProjectCache();
        this.days = days;
        int width = 0;
        for (int p : map.physical) {
            width = Math.max(width, p + 1);
        }
        roles = new byte[width];
        roles[map.physical[Sheet.A_PROJECT]] = PROJECT;
        roles[map.physical[Sheet.A_WORKER]] = WORKER;
        roles[map.physical[Sheet.A_DATE]] = DATE;
    }

    /** Reads the lines of {@code [start, end)}, which begins and ends at a line end. */
    void read(FileChannel channel, long start, long end, byte[] buf) {
        int kept = 0;
        long at = start;
        try {
            while (at < end || kept > 0) {
                int want = (int) Math.min(buf.length - kept, end - at);
                if (want == 0 && kept == buf.length) {
                    throw new CsvTokenizer.QuoteSeen(); // a line longer than the buffer: not the plain case
                }
                int limit = kept;
                while (want > 0) {
                    int got = channel.read(ByteBuffer.wrap(buf, limit, want), at);
                    if (got < 0) {
                        break;
                    }
                    at += got;
                    limit += got;
                    want -= got;
                }
                int last = limit - 1;
                while (last >= 0 && buf[last] != '\n') {
                    last--;
                }
                if (at >= end && last < limit - 1) {
                    throw new CsvTokenizer.QuoteSeen(); // no line end at the end of the region
                }
                lines(buf, 0, last + 1);
                kept = limit - (last + 1);
                System.arraycopy(buf, last + 1, buf, 0, kept);
                if (at >= end && kept == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lines(byte[] b, int from, int to) {
        final byte[] role = roles;
        int p = from;
        while (p < to) {
            int ps = -1, pe = -1, ws = -1, we = -1, ds = -1, de = -1;
            int field = 0;
            boolean blank = true;
            while (true) {
                int s = p;
                byte c = 0;
                while ((c = b[p]) != ',' && c != '\n') {
                    if (c == '"' || c == '\r' && b[p + 1] != '\n') {
                        throw new CsvTokenizer.QuoteSeen();
                    }
                    p++;
                }
                int e = c == '\n' && p > s && b[p - 1] == '\r' ? p - 1 : p;
                if (field < role.length) {
                    switch (role[field]) {
                        case PROJECT -> { ps = s; pe = e; }
                        case WORKER -> { ws = s; we = e; }
                        case DATE -> { ds = s; de = e; }
                        default -> { }
                    }
                }
                if (blank && Values.trimStart(b, s, e) < e) {
                    blank = false;
                }
                field++;
                p++;
                if (c == '\n') {
                    break;
                }
            }
            if (blank) {
                continue;
            }
            if (ds < 0 || ws < 0 || ps < 0) {
                throw new CsvTokenizer.QuoteSeen();
            }
            int s = Values.trimStart(b, ps, pe);
            int e = Values.trimEnd(b, s, pe);
            if (s == e) {
                throw new CsvTokenizer.QuoteSeen();
            }
            int project = projects.project(b, s, e);
            s = Values.trimStart(b, ws, we);
            e = Values.trimEnd(b, s, we);
            if (s == e) {
                throw new CsvTokenizer.QuoteSeen();
            }
            long worker = keys.worker(b, s, e);
            s = Values.trimStart(b, ds, de);
            e = Values.trimEnd(b, s, de);
            int date = Values.date(b, s, e);
            if (date < 0) {
                throw new CsvTokenizer.QuoteSeen();
            }
            days.add(project, worker, date / 100, date % 100);
        }
    }
}
