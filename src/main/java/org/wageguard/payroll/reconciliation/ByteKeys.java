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
    private int[] hashes = new int[256];
    private int size;
    /** id + 1, 0 for an empty slot. */
    private int[] table = new int[512];
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
            int slot = table[i];
            if (slot == 0) {
                return -1;
            }
            if (hashes[slot - 1] == h && sameKey(slot - 1, key, off, len)) {
                return slot - 1;
            }
        }
    }

    /** The id of the key, adding it when new. */
    int intern(byte[] key, int off, int len) {
        int h = hash(key, off, len);
        int mask = table.length - 1;
        int i = h & mask;
        for (; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == 0) {
                break;
            }
            if (hashes[slot - 1] == h && sameKey(slot - 1, key, off, len)) {
                added = false;
                return slot - 1;
            }
        }
        int id = size++;
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
            starts = Arrays.copyOf(starts, id * 2 + 1);
        }
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        System.arraycopy(key, off, arena, arenaUsed, len);
        starts[id] = arenaUsed;
        arenaUsed += len;
        starts[id + 1] = arenaUsed;
        hashes[id] = h;
        table[i] = id + 1;
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
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = id + 1;
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
