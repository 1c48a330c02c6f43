package org.wageguard.payroll.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys every reader thread shares: project codes and the rare ID numbers that are not 17 digits and a check
 * character. Both are few or rare, so one lock serves; each thread keeps a {@link ProjectCache} in front of it.
 */
final class Keys {

    private final ByteKeys projects = new ByteKeys();
    private final List<String> projectCodes = new ArrayList<>();
    private final ByteKeys oddIds = new ByteKeys();

    synchronized int project(byte[] b, int s, int e) {
        int id = projects.intern(b, s, e - s);
        if (projects.added()) {
            projectCodes.add(projects.string(id, 0));
        }
        return id;
    }

    synchronized String projectCode(int id) {
        return projectCodes.get(id);
    }

    synchronized int projectCount() {
        return projectCodes.size();
    }

    /** The code of an ID number in the trimmed range: its {@link IdNumbers} code, or a negative one of its own. */
    long worker(byte[] b, int s, int e) {
        long code = IdNumbers.encode(b, s, e);
        return code >= 0 ? code : oddId(b, s, e);
    }

    private synchronized long oddId(byte[] b, int s, int e) {
        // Keys compare upper-cased (FORMATS.md), so "ab12" and "AB12" are one worker.
        byte[] upper = new byte[e - s];
        for (int i = 0; i < upper.length; i++) {
            byte c = b[s + i];
            upper[i] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
        }
        return -2L - oddIds.intern(upper, 0, upper.length);
    }

    /** The ID number as printed in findings. */
    synchronized String idNumber(long code) {
        return code >= 0 ? IdNumbers.decode(code) : oddIds.string((int) (-2L - code), 0);
    }

    /** A reader thread's lock-free view of the project codes it has met. */
    final class ProjectCache {
        private final ByteKeys seen = new ByteKeys();
        private int[] globalIds = new int[64];
        private byte[] last = new byte[64];
        private int lastLength = -1;
        private int lastId = -1;

        int project(byte[] b, int s, int e) {
            int len = e - s;
            // Rows of one project usually follow each other.
            if (len == lastLength && java.util.Arrays.equals(last, 0, len, b, s, e)) {
                return lastId;
            }
            int local = seen.intern(b, s, len);
            if (seen.added()) {
                globalIds = WorkerKeys.grow(globalIds, local + 1);
                globalIds[local] = Keys.this.project(b, s, e);
            }
            last = WorkerKeys.grow(last, len);
            System.arraycopy(b, s, last, 0, len);
            lastLength = len;
            lastId = globalIds[local];
            return lastId;
        }
    }
}
