package org.scale4j.data.arrow.dataset;

import java.util.function.LongFunction;

/**
 * Finds duplicate row ids while a dataset is validated, in two flat arrays instead of a map of
 * strings: 16 bytes a slot, two slots a row, and no object per row (a {@code HashMap<String,
 * String>} of ids and places kept about 200 bytes a row alive through the whole validation, so
 * the memory touched at open grew with the dataset).
 *
 * <p>Each id is stored as a 64-bit hash beside the packed reference of its row
 * ({@code batch << 32 | row}). Exact: when a new id's hash equals a stored one, the stored row's id
 * is read back (a positional read of a few bytes) and compared, so two different ids with the
 * same hash are never reported as duplicates.
 */
final class IdIndex {

    private final long[] hashes;
    private final long[] refs; // the row reference + 1; 0 marks an empty slot
    private final int mask;
    private final LongFunction<String> idOf;

    /**
     * @param rows how many ids will be added at most
     * @param idOf the id of the row a stored reference points to
     */
    IdIndex(long rows, LongFunction<String> idOf) {
        int capacity = Integer.highestOneBit((int) Math.min(1 << 30, Math.max(16, rows * 2)) - 1) << 1;
        this.hashes = new long[capacity];
        this.refs = new long[capacity];
        this.mask = capacity - 1;
        this.idOf = idOf;
    }

    /**
     * Adds {@code id} of row {@code ref}; returns the reference of the earlier row with the same
     * id (nothing is added then), or -1 when the id is new.
     */
    long add(String id, long ref) {
        long hash = hash(id);
        for (int slot = (int) (hash ^ (hash >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (refs[slot] == 0) {
                hashes[slot] = hash;
                refs[slot] = ref + 1;
                return -1;
            }
            if (hashes[slot] == hash && id.equals(idOf.apply(refs[slot] - 1))) {
                return refs[slot] - 1;
            }
        }
    }

    /** Two independent 32-bit string hashes, side by side, spread by a 64-bit mix. */
    static long hash(String s) {
        int fnv = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            fnv = (fnv ^ s.charAt(i)) * 0x01000193;
        }
        long h = ((long) s.hashCode() << 32) | (fnv & 0xffffffffL);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
