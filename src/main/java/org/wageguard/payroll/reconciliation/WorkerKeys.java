package org.wageguard.payroll.reconciliation;

import java.util.Arrays;

/** Dense ids for (project id, ID code) pairs, by open addressing over primitive arrays. */
final class WorkerKeys {

    private long[] codes = new long[1 << 10];
    private int[] projects = new int[1 << 10];
    /** id + 1, 0 for an empty slot. */
    private int[] ids = new int[1 << 10];
    private int size;
    private boolean added;

    int size() {
        return size;
    }

    /** Whether the last {@link #intern} call added its pair. */
    boolean added() {
        return added;
    }

    int find(int project, long code) {
        int mask = ids.length - 1;
        for (int i = hash(project, code) & mask; ; i = (i + 1) & mask) {
            int id = ids[i];
            if (id == 0) {
                return -1;
            }
            if (codes[i] == code && projects[i] == project) {
                return id - 1;
            }
        }
    }

    /** The id of the pair, adding it as {@code size()} when new. */
    int intern(int project, long code) {
        int mask = ids.length - 1;
        int i = hash(project, code) & mask;
        for (; ; i = (i + 1) & mask) {
            int id = ids[i];
            if (id == 0) {
                break;
            }
            if (codes[i] == code && projects[i] == project) {
                added = false;
                return id - 1;
            }
        }
        added = true;
        codes[i] = code;
        projects[i] = project;
        ids[i] = ++size;
        if (size * 2 > ids.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        long[] oldCodes = codes;
        int[] oldProjects = projects;
        int[] oldIds = ids;
        int capacity = oldIds.length * 2;
        codes = new long[capacity];
        projects = new int[capacity];
        ids = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != 0) {
                int i = hash(oldProjects[j], oldCodes[j]) & mask;
                while (ids[i] != 0) {
                    i = (i + 1) & mask;
                }
                codes[i] = oldCodes[j];
                projects[i] = oldProjects[j];
                ids[i] = oldIds[j];
            }
        }
    }

    static int hash(int project, long code) {
        return mix(code * 0x9E3779B97F4A7C15L + project);
    }

    /** Murmur3's finaliser: spreads ID codes, which share long prefixes (region, birth year), over the table. */
    static int mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length + (a.length >> 1) + 16));
    }

    static long[] grow(long[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length + (a.length >> 1) + 16));
    }

    static byte[] grow(byte[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length + (a.length >> 1) + 16));
    }
}
