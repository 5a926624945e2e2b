package org.scale4j.data.arrow.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import org.apache.arrow.memory.util.Float16;

/**
 * Widens IEEE float16 values to float32 in bulk: a 65,536-entry table (256 KB, every half value's
 * float) replaces the per-value bit arithmetic, and values move in chunks through heap arrays so
 * the loop does array loads and stores instead of per-element buffer calls. Exact: the table is
 * built with Arrow's own {@link Float16#toFloat}.
 */
final class HalfFloats {

    private static final float[] TABLE = new float[1 << 16];
    private static final int CHUNK = 4096;
    private static final ThreadLocal<short[]> HALVES = ThreadLocal.withInitial(() -> new short[CHUNK]);
    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[CHUNK]);

    static {
        for (int h = 0; h < TABLE.length; h++) {
            TABLE[h] = Float16.toFloat((short) h);
        }
    }

    private HalfFloats() {
    }

    /**
     * Reads {@code count} little-endian halves from {@code src} (from its position) and writes
     * them as floats at {@code dst}'s position in {@code dst}'s byte order; both positions advance.
     */
    static void widen(ByteBuffer src, ByteBuffer dst, long count) {
        ShortBuffer in = src.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        FloatBuffer out = dst.slice().order(dst.order()).asFloatBuffer();
        short[] halves = HALVES.get();
        float[] floats = FLOATS.get();
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(CHUNK, count - done);
            in.get(halves, 0, n);
            for (int i = 0; i < n; i++) {
                floats[i] = TABLE[halves[i] & 0xFFFF];
            }
            out.put(floats, 0, n);
            done += n;
        }
        src.position(src.position() + (int) (count * 2));
        dst.position(dst.position() + (int) (count * Float.BYTES));
    }
}
