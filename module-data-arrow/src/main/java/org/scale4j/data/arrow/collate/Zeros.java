package org.scale4j.data.arrow.collate;

import java.nio.ByteBuffer;

/** Zero-fills ranges of a direct buffer by bulk copies from a shared zero block (no per-element loop). */
final class Zeros {

    private static final ByteBuffer BLOCK = ByteBuffer.allocateDirect(1 << 16).asReadOnlyBuffer();

    private Zeros() {
    }

    /** Writes {@code length} zero bytes into {@code dst} from absolute index {@code at}. */
    static void fill(ByteBuffer dst, int at, int length) {
        int end = at + length;
        for (int from = at; from < end; from += BLOCK.capacity()) {
            dst.put(from, BLOCK, 0, Math.min(BLOCK.capacity(), end - from));
        }
    }
}
