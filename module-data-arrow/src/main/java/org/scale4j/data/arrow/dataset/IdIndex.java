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

    /** The most slots reserved up front: a row count read from a damaged file must not allocate gigabytes. */
    private static final int LARGEST_INITIAL = 1 << 20;

    private long[] hashes;
    private long[] refs; // the row reference + 1; 0 marks an empty slot
    private int mask;
    private int size;
    private final LongFunction<String> idOf;

    /**
     * @param expectedRows how many ids will probably be added (a hint: the index grows past it)
     * @param idOf the id of the row a stored reference points to
     */
    IdIndex(long expectedRows, LongFunction<String> idOf) {
        long wanted = Math.max(16, Math.min(LARGEST_INITIAL, expectedRows * 2));
        allocate(Long.highestOneBit(wanted - 1) << 1);
        this.idOf = idOf;
    }

    private void allocate(long capacity) {
        hashes = new long[(int) capacity];
        refs = new long[(int) capacity];
        mask = (int) capacity - 1;
    }

    /**
     * Adds {@code id} of row {@code ref}; returns the reference of the earlier row with the same
     * id (nothing is added then), or -1 when the id is new.
     */
    long add(String id, long ref) {
        long hash = hash(id);
        for (int slot = slotOf(hash); ; slot = (slot + 1) & mask) {
            if (refs[slot] == 0) {
                hashes[slot] = hash;
                refs[slot] = ref + 1;
                if (++size * 2 > refs.length) {
                    grow();
                }
                return -1;
            }
            if (hashes[slot] == hash && id.equals(idOf.apply(refs[slot] - 1))) {
                return refs[slot] - 1;
            }
        }
    }

    /** Doubles the table, so that it stays at most half full and every probe ends at an empty slot. */
    private void grow() {
        long[] oldHashes = hashes;
        long[] oldRefs = refs;
        allocate(2L * oldRefs.length);
        for (int i = 0; i < oldRefs.length; i++) {
            if (oldRefs[i] != 0) {
                int slot = slotOf(oldHashes[i]);
                while (refs[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                refs[slot] = oldRefs[i];
            }
        }
    }

    private int slotOf(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /** How many slots the index has now (for tests). */
    int capacity() {
        return refs.length;
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
