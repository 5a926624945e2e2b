package org.scale4j.data.arrow.ipc;

import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Checks that every offset of list and string vectors is non-decreasing and inside its child or
 * data buffer, and that fixed-width buffers hold their values, so that corrupt files fail here
 * rather than on a later read. (Arrow Java 18.3's {@code ValueVectorUtility.validate} rejects
 * float16 and {@code validateFull} every fixed-size list, so neither can be used.)
 */
final class OffsetCheck {

    private OffsetCheck() {
    }

    static void check(FieldVector v) {
        int n = v.getValueCount();
        // Only sizes here: reading the bitmaps (getNullCount) would touch ~1/32 of all feature pages.
        long validity = v.getValidityBuffer().capacity();
        if (validity > 0 && validity < (n + 7) / 8) {
            throw new IllegalStateException("column " + v.getName() + ": validity buffer too short");
        }
        if (v instanceof ListVector list) {
            checkOffsets(v, n, i -> list.getOffsetBuffer().getInt((long) i * 4), list.getDataVector().getValueCount());
            check(list.getDataVector());
        } else if (v instanceof LargeListVector list) {
            checkOffsets(v, n, i -> list.getOffsetBuffer().getLong((long) i * 8),
                    list.getDataVector().getValueCount());
            check((FieldVector) list.getDataVector());
        } else if (v instanceof FixedSizeListVector fsl) {
            long need = (long) n * fsl.getListSize();
            if (fsl.getDataVector().getValueCount() < need) {
                throw new IllegalStateException("column " + v.getName() + ": fixed-size list of " + n + " x "
                        + fsl.getListSize() + " has only " + fsl.getDataVector().getValueCount() + " values");
            }
            check(fsl.getDataVector());
        } else if (v instanceof StructVector struct) {
            for (FieldVector child : struct.getChildrenFromFields()) {
                check(child);
            }
        } else if (v instanceof org.apache.arrow.vector.BaseFixedWidthVector f) {
            long need = f instanceof org.apache.arrow.vector.BitVector ? (n + 7) / 8 : (long) n * f.getTypeWidth();
            if (f.getDataBuffer().capacity() < need) {
                throw new IllegalStateException("column " + v.getName() + ": data buffer of " + f.getDataBuffer()
                        .capacity() + " bytes for " + n + " values");
            }
        } else if (v instanceof BaseVariableWidthVector s) {
            checkOffsets(v, n, i -> s.getOffsetBuffer().getInt((long) i * 4), s.getDataBuffer().capacity());
        } else if (v instanceof BaseLargeVariableWidthVector s) {
            checkOffsets(v, n, i -> s.getOffsetBuffer().getLong((long) i * 8), s.getDataBuffer().capacity());
        }
    }

    private static void checkOffsets(FieldVector v, int n, java.util.function.IntToLongFunction offset, long limit) {
        if (n == 0) {
            return;
        }
        long previous = offset.applyAsLong(0);
        if (previous < 0) {
            throw new IllegalStateException("column " + v.getName() + ": negative offset");
        }
        for (int i = 1; i <= n; i++) {
            long current = offset.applyAsLong(i);
            if (current < previous || current > limit) {
                throw new IllegalStateException("column " + v.getName() + ": offset " + current + " at " + i
                        + " is out of order or beyond " + limit);
            }
            previous = current;
        }
    }
}
