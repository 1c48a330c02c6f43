package org.wageguard.payroll.reconciliation;

/**
 * Bank cards and transaction ids, each scoped by project: a key is the project id's four bytes followed by the
 * value, so that the same card in two projects is two keys, as every rule is "within one project".
 */
final class Cards {

    static final int PREFIX = 4;

    private final ByteKeys keys = new ByteKeys();
    private byte[] scratch = new byte[64];

    /** The id of the card in the trimmed range, spaces inside removed. */
    int card(int project, byte[] b, int s, int e) {
        int n = prefix(project, e - s);
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                continue;
            }
            if (c == (byte) 0xE3 && i + 2 < e && b[i + 1] == (byte) 0x80 && b[i + 2] == (byte) 0x80) {
                i += 2;
                continue;
            }
            if (c == (byte) 0xC2 && i + 1 < e && b[i + 1] == (byte) 0xA0) {
                i++;
                continue;
            }
            scratch[n++] = c;
        }
        return keys.intern(scratch, 0, n);
    }

    /** The id of the value in the trimmed range as it is; {@link #added()} tells whether it is new. */
    int exact(int project, byte[] b, int s, int e) {
        int n = prefix(project, e - s);
        System.arraycopy(b, s, scratch, n, e - s);
        return keys.intern(scratch, 0, n + e - s);
    }

    boolean added() {
        return keys.added();
    }

    int size() {
        return keys.size();
    }

    String string(int id) {
        return keys.string(id, PREFIX);
    }

    private int prefix(int project, int length) {
        scratch = WorkerKeys.grow(scratch, PREFIX + length);
        scratch[0] = (byte) (project >>> 24);
        scratch[1] = (byte) (project >>> 16);
        scratch[2] = (byte) (project >>> 8);
        scratch[3] = (byte) project;
        return PREFIX;
    }
}
