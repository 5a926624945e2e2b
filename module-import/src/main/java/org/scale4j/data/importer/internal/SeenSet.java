package org.scale4j.data.importer.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which caption entries already became rows, one bit per slot of the caption {@link IdIndex}
 * (about 4 bits per product): it detects an id repeated across TSV lines and, after the TSVs,
 * tells which products still need a row without an image.
 */
public final class SeenSet {

    private final AtomicLongArray bits;

    public SeenSet(long slots) {
        this.bits = new AtomicLongArray(Math.toIntExact((slots + 63) >>> 6));
    }

    /** Marks {@code slot}; true when it was not marked before. */
    public boolean mark(long slot) {
        int word = (int) (slot >>> 6);
        long bit = 1L << (slot & 63);
        while (true) {
            long old = bits.get(word);
            if ((old & bit) != 0) {
                return false;
            }
            if (bits.compareAndSet(word, old, old | bit)) {
                return true;
            }
        }
    }
}
