package org.scale4j.data.arrow.collate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Batch tensors that collation writes in place, in PyTorch's own memory.
 *
 * <p>Why: {@code NDManager.create(float[])} and {@code create(ByteBuffer)} go through
 * {@code ByteBuffer.allocateDirect}, which zeroes the memory, counts it against
 * {@code -XX:MaxDirectMemorySize} and is only freed by the garbage collector; at the paper's
 * feature sizes (tens of MB a batch) that cost more than the collation itself and forced full
 * GCs. A tensor from {@link #empty} is allocated by libtorch (whose allocator reuses the previous
 * batch's freed blocks), freed when its manager closes, and filled through a direct view of its
 * memory, so every byte is written exactly once. The view is uninitialised: callers write every
 * element, padding included.
 *
 * <p>On a manager of another device (a GPU) the tensor is built in a host buffer and copied over
 * once, as {@code NDManager.create} does.
 */
final class HostTensors {

    private HostTensors() {
    }

    /**
     * A tensor (or, off the CPU, a host buffer for it) and a writable view of its bytes in native order.
     *
     * @param zeroRows for a {@code [B,T,D]} tensor, which of its {@code B*T} rows of {@code D}
     *     values are known to hold zeros (a recycled tensor remembers this from its previous batch,
     *     so padding that was padding before is not written again); {@code null} when unknown
     */
    record Writable(NDArray array, ByteBuffer bytes, NDManager manager, Shape shape, boolean[] zeroRows) {

        Writable(NDArray array, ByteBuffer bytes, NDManager manager, Shape shape) {
            this(array, bytes, manager, shape, null);
        }

        /**
         * Makes rows {@code [first, first + count)} zero, writing only the rows not known to be
         * zero already ({@code rowBytes} bytes each).
         */
        void zero(int first, int count, int rowBytes) {
            if (zeroRows == null) {
                Zeros.fill(bytes, first * rowBytes, count * rowBytes);
                return;
            }
            int end = first + count;
            for (int r = first; r < end; ) {
                if (zeroRows[r]) {
                    r++;
                    continue;
                }
                int runEnd = r;
                while (runEnd < end && !zeroRows[runEnd]) {
                    runEnd++;
                }
                Zeros.fill(bytes, r * rowBytes, (runEnd - r) * rowBytes);
                java.util.Arrays.fill(zeroRows, r, runEnd, true); // marked only once written
                r = runEnd;
            }
        }

        /**
         * Records that rows {@code [first, first + count)} are about to receive values. Called
         * before the write, so that a write that fails half-way never leaves a row marked zero.
         */
        void written(int first, int count) {
            if (zeroRows != null) {
                java.util.Arrays.fill(zeroRows, first, first + count, false);
            }
        }

        /** The finished tensor: the array itself on the CPU, a device copy elsewhere. */
        NDArray finish() {
            if (array != null) {
                return array;
            }
            return manager.create(bytes.clear(), shape, DataType.FLOAT32);
        }

        FloatBuffer floats() {
            return bytes.duplicate().order(ByteOrder.nativeOrder()).clear().asFloatBuffer();
        }
    }

    /**
     * An uninitialised float32 tensor of {@code shape} to fill through {@link Writable#bytes()},
     * recycled from {@code pool} on the CPU (see {@link TensorPool}), else allocated.
     */
    static Writable empty(NDManager manager, Shape shape, TensorPool pool) {
        if (Device.Type.CPU.equals(manager.getDevice().getDeviceType())) {
            Writable pooled = pool.take(manager, shape, DataType.FLOAT32);
            if (pooled != null) {
                return pooled;
            }
        }
        return empty(manager, shape);
    }

    /** An uninitialised float32 tensor of {@code shape} to fill through {@link Writable#bytes()}. */
    static Writable empty(NDManager manager, Shape shape) {
        Writable onHost = onHost(manager, shape, DataType.FLOAT32);
        if (onHost != null) {
            return onHost;
        }
        ByteBuffer host = ByteBuffer.allocateDirect(Math.toIntExact(shape.size() * Float.BYTES))
                .order(ByteOrder.nativeOrder());
        return new Writable(null, host, manager, shape);
    }

    /** A float32 tensor holding {@code data} (row-major in {@code shape}). */
    static NDArray of(NDManager manager, float[] data, Shape shape) {
        Writable w = empty(manager, shape);
        w.floats().put(data);
        return w.finish();
    }

    /** An int64 tensor holding {@code data} (row-major in {@code shape}). */
    static NDArray of(NDManager manager, long[] data, Shape shape) {
        Writable onHost = onHost(manager, shape, DataType.INT64);
        if (onHost == null) {
            return manager.create(data, shape);
        }
        onHost.bytes().asLongBuffer().put(data);
        return onHost.array();
    }

    /**
     * An uninitialised engine tensor with a direct view of its memory ({@code toByteBuffer(true)}),
     * or {@code null} when there is none (another device, or an engine that copies).
     */
    private static Writable onHost(NDManager manager, Shape shape, DataType type) {
        if (!Device.Type.CPU.equals(manager.getDevice().getDeviceType())) {
            return null;
        }
        NDArray array = manager.create(shape, type);
        ByteBuffer view = array.toByteBuffer(true);
        if (view.isDirect() && view.capacity() == shape.size() * type.getNumOfBytes()) {
            return new Writable(array, view.order(ByteOrder.nativeOrder()), manager, shape);
        }
        array.close();
        return null;
    }
}
