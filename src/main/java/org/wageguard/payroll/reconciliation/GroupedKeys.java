package org.wageguard.payroll.reconciliation;

/**
 * Long keys to non-zero int values, in one small open-addressing table per group (a project, or a project's
 * month). Rows arrive grouped by project, so consecutive look-ups stay within a table of a few kilobytes that
 * sits in cache, where one table of a million keys would miss the cache on nearly every look-up.
 */
final class GroupedKeys {

    private static final int FIRST_CAPACITY = 8;

    private long[][] keys = new long[16][];
    /** 0 marks an empty slot. */
    private int[][] values = new int[16][];
    private int[] sizes = new int[16];
    private int groups;
    private int total;
    private boolean added;

    int groups() {
        return groups;
    }

    int size() {
        return total;
    }

    /** Whether the last {@link #putIfAbsent} added its key. */
    boolean added() {
        return added;
    }

    /** The value of the key, or 0. */
    int get(int group, long key) {
        if (group >= groups || keys[group] == null) {
            return 0;
        }
        long[] k = keys[group];
        int[] v = values[group];
        int mask = k.length - 1;
        for (int i = WorkerKeys.mix(key) & mask; ; i = (i + 1) & mask) {
            if (v[i] == 0) {
                return 0;
            }
            if (k[i] == key) {
                return v[i];
            }
        }
    }

    /** The key's value, or {@code value} (non-zero) after adding the key with it. */
    int putIfAbsent(int group, long key, int value) {
        int i = slot(group, key);
        int[] v = values[group];
        if (v[i] != 0) {
            added = false;
            return v[i];
        }
        insert(group, i, key, value);
        added = true;
        return value;
    }

    /** ORs {@code bits} (non-zero) into the key's value, adding the key when new. */
    void or(int group, long key, int bits) {
        int i = slot(group, key);
        int[] v = values[group];
        if (v[i] != 0) {
            v[i] |= bits;
        } else {
            insert(group, i, key, bits);
        }
    }

    /** Visits the entries of one group. */
    void forEach(int group, Visitor visitor) {
        long[] k = keys[group];
        int[] v = values[group];
        if (k == null) {
            return;
        }
        for (int i = 0; i < k.length; i++) {
            if (v[i] != 0) {
                visitor.visit(k[i], v[i]);
            }
        }
    }

    private int slot(int group, long key) {
        if (group >= groups) {
            ensureGroups(group + 1);
        }
        long[] k = keys[group];
        if (k == null) {
            keys[group] = k = new long[FIRST_CAPACITY];
            values[group] = new int[FIRST_CAPACITY];
        }
        int[] v = values[group];
        int mask = k.length - 1;
        int i = WorkerKeys.mix(key) & mask;
        while (v[i] != 0 && k[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void insert(int group, int i, long key, int value) {
        keys[group][i] = key;
        values[group][i] = value;
        total++;
        if (++sizes[group] * 2 > keys[group].length) {
            grow(group);
        }
    }

    private void grow(int group) {
        long[] oldKeys = keys[group];
        int[] oldValues = values[group];
        long[] k = new long[oldKeys.length * 2];
        int[] v = new int[k.length];
        int mask = k.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != 0) {
                int i = WorkerKeys.mix(oldKeys[j]) & mask;
                while (v[i] != 0) {
                    i = (i + 1) & mask;
                }
                k[i] = oldKeys[j];
                v[i] = oldValues[j];
            }
        }
        keys[group] = k;
        values[group] = v;
    }

    private void ensureGroups(int needed) {
        if (needed > keys.length) {
            int n = Math.max(needed, keys.length * 2);
            keys = java.util.Arrays.copyOf(keys, n);
            values = java.util.Arrays.copyOf(values, n);
            sizes = java.util.Arrays.copyOf(sizes, n);
        }
        groups = Math.max(groups, needed);
    }

    @FunctionalInterface
    interface Visitor {
        void visit(long key, int value);
    }
}
