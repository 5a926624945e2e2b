package org.scale4j.data.arrow.ipc;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;

/**
 * Unmaps a {@link MappedByteBuffer} at once instead of whenever the garbage collector gets to it,
 * so that closing a dataset returns its address space and resident file pages immediately. Uses
 * {@code sun.misc.Unsafe.invokeCleaner} (module {@code jdk.unsupported}, also used by Arrow); if
 * it is unavailable the mapping is left to the collector.
 */
final class Unmapper {

    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private Unmapper() {
    }

    static void unmap(MappedByteBuffer buffer) {
        if (UNSAFE != null) {
            UNSAFE.invokeCleaner(buffer);
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
