package org.wageguard.payroll.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte strings into dense int ids by open addressing, keeping the bytes in one arena: a million cards
 * or transaction ids cost a few tens of megabytes and no object each.
 */
final class ByteKeys {

    private byte[] arena = new byte[1 << 12];
    private int arenaUsed;
    /** {@code starts[id]} to {@code starts[id + 1]} is the key of {@code id}. */
    private int[] starts = new int[257];
    private int size;
    /**
     * The key's hash in the high half and id + 1 in the low half, 0 for an empty slot: a look-up that misses
     * touches one cache line, not three.
     */
    private long[] table = new long[512];
    private boolean added;

    int size() {
        return size;
    }

    /** Whether the last {@link #intern} call added its key. */
    boolean added() {
        return added;
    }

    /** The id of the key, or -1. */
    int find(byte[] key, int off, int len) {
        int h = hash(key, off, len);
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == 0) {
                return -1;
            }
            int id = (int) slot - 1;
            if ((int) (slot >>> 32) == h && sameKey(id, key, off, len)) {
                return id;
            }
        }
    }

    /** The id of the key, adding it when new. */
    int intern(byte[] key, int off, int len) {
        int h = hash(key, off, len);
        int mask = table.length - 1;
        int i = h & mask;
        for (; ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == 0) {
                break;
            }
            int id = (int) slot - 1;
            if ((int) (slot >>> 32) == h && sameKey(id, key, off, len)) {
                added = false;
                return id;
            }
        }
        int id = size++;
        if (id + 1 == starts.length) {
            starts = Arrays.copyOf(starts, id * 2 + 1);
        }
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        System.arraycopy(key, off, arena, arenaUsed, len);
        starts[id] = arenaUsed;
        arenaUsed += len;
        starts[id + 1] = arenaUsed;
        table[i] = (long) h << 32 | (id + 1);
        if (size * 2 > table.length) {
            rehash();
        }
        added = true;
        return id;
    }

    byte[] arena() {
        return arena;
    }

    int start(int id) {
        return starts[id];
    }

    int end(int id) {
        return starts[id + 1];
    }

    String string(int id, int skip) {
        return new String(arena, starts[id] + skip, starts[id + 1] - starts[id] - skip, StandardCharsets.UTF_8);
    }

    private boolean sameKey(int id, byte[] key, int off, int len) {
        int s = starts[id];
        return starts[id + 1] - s == len && Arrays.equals(arena, s, s + len, key, off, off + len);
    }

    private void rehash() {
        long[] bigger = new long[table.length * 2];
        int mask = bigger.length - 1;
        for (long slot : table) {
            if (slot != 0) {
                int i = (int) (slot >>> 32) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = slot;
            }
        }
        table = bigger;
    }

    static int hash(byte[] key, int off, int len) {
        int h = 0x9747b28c ^ len;
        for (int i = off; i < off + len; i++) {
            h = h * 31 + key[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
