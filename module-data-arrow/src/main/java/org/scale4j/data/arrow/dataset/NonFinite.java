package org.scale4j.data.arrow.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Finds NaN and infinite values in little-endian float buffers by their exponent bits (all ones). */
final class NonFinite {

    private static final int FLOAT_EXPONENT = 0x7F800000;
    private static final int HALF_EXPONENT = 0x7C00;

    private NonFinite() {
    }

    /** The index of the first non-finite float32 among the first {@code n} values of {@code buf}, or -1. */
    static int firstFloat(ByteBuffer buf, int n) {
        ByteBuffer le = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if ((le.getInt(i * Float.BYTES) & FLOAT_EXPONENT) == FLOAT_EXPONENT) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first non-finite float16 among the first {@code n} values of {@code buf}, or -1. */
    static int firstHalf(ByteBuffer buf, int n) {
        ByteBuffer le = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if ((le.getShort(i * 2) & HALF_EXPONENT) == HALF_EXPONENT) {
                return i;
            }
        }
        return -1;
    }
}
