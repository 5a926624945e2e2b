package org.scale4j.data.arrow.collate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Batch tensors recycled from one batch to the next instead of allocated per batch.
 *
 * <p>Why: a paper-sized batch needs tens of MB of feature tensors. Freed, glibc hands such blocks
 * back to the kernel, and the next batch page-faults them in again, zero-filled: about a million
 * minor faults per 8,000 samples, which cost the loader as much as the collation itself. A pooled
 * tensor is allocated once (by libtorch, in a manager the pool owns) and written again by every
 * batch of the same shape.
 *
 * <p>Lifecycle: {@link #take} hands out a <em>view</em> of an idle pooled tensor, attached to the
 * batch's manager, and attaches a lease to that manager too. The tensor goes back to the idle list
 * only when the lease closes, that is when the batch's manager closes ({@code Batch.close()}), so
 * a pooled tensor is never handed to a second batch while a batch using it is open. Memory stays
 * valid even past that point: the view holds a reference to libtorch's storage, so a tensor closed
 * by {@link #close()} while a batch still uses it is freed only when the batch's view goes. A
 * batch's tensors are uninitialised (they hold an earlier batch's values): collators write every
 * element.
 *
 * <p>At most {@value #MAX_IDLE_PER_SHAPE} idle tensors are kept per shape and dtype (the open
 * batches of a prefetching stream plus the one being built); more are freed. Thread-safe: streams
 * of several splits, and a prefetch thread, share one collator.
 */
final class TensorPool implements AutoCloseable {

    static final int MAX_IDLE_PER_SHAPE = 4;

    private final Map<String, Deque<Pooled>> idle = new HashMap<>();
    private NDManager owner;
    private boolean closed;
    private long allocated;

    /**
     * A pooled tensor, a direct view of its memory in native byte order, and which of its rows
     * (the last dimension's vectors) are known to be zero, carried from batch to batch.
     */
    private record Pooled(String key, NDArray tensor, ByteBuffer bytes, boolean[] zeroRows) {
    }

    /**
     * An uninitialised tensor of {@code shape} and {@code type} for a batch owned by
     * {@code batch}: a recycled one when an idle one of that shape exists. {@code null} when the
     * engine gives no direct view of tensor memory (the caller then allocates as before).
     *
     * @param batch a CPU manager that owns the batch; the view and its lease are attached to it
     */
    HostTensors.Writable take(NDManager batch, Shape shape, DataType type) {
        String key = type + "" + shape;
        Pooled pooled;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the tensor pool is closed (its dataset was closed)");
            }
            Deque<Pooled> free = idle.get(key);
            pooled = free == null ? null : free.poll();
            if (pooled == null) {
                pooled = allocate(batch, key, shape, type);
                if (pooled == null) {
                    return null;
                }
            }
        }
        NDArray view = pooled.tensor().reshape(shape); // a new handle on the same storage
        view.attach(batch);
        batch.attachInternal(UUID.randomUUID().toString(), new Lease(this, pooled));
        return new HostTensors.Writable(view, pooled.bytes().duplicate().order(ByteOrder.nativeOrder()).clear(), batch,
                shape, pooled.zeroRows());
    }

    /** How many tensors this pool has allocated so far (idle, leased or freed). */
    synchronized long allocated() {
        return allocated;
    }

    private Pooled allocate(NDManager batch, String key, Shape shape, DataType type) {
        if (owner == null) {
            owner = NDManager.newBaseManager(batch.getDevice(), batch.getEngine().getEngineName());
        }
        NDArray tensor = owner.create(shape, type);
        ByteBuffer view = tensor.toByteBuffer(true);
        if (!view.isDirect() || view.capacity() != shape.size() * type.getNumOfBytes()) {
            tensor.close();
            return null;
        }
        allocated++;
        long rows = shape.dimension() < 2 ? 1 : shape.size() / shape.get(shape.dimension() - 1);
        return new Pooled(key, tensor, view, new boolean[Math.toIntExact(rows)]); // uninitialised: none known zero
    }

    private synchronized void giveBack(Pooled pooled) {
        Deque<Pooled> free = idle.computeIfAbsent(pooled.key(), k -> new ArrayDeque<>());
        if (closed || free.size() >= MAX_IDLE_PER_SHAPE) {
            pooled.tensor().close();
            return;
        }
        free.push(pooled);
    }

    /** Frees every pooled tensor; views still held by open batches keep their storage until they close. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        idle.clear();
        if (owner != null) {
            owner.close();
        }
    }

    /** Returns its tensor to the pool once, when the batch's manager closes it. */
    private static final class Lease implements AutoCloseable {
        private final TensorPool pool;
        private final Pooled pooled;
        private final AtomicBoolean returned = new AtomicBoolean();

        Lease(TensorPool pool, Pooled pooled) {
            this.pool = pool;
            this.pooled = pooled;
        }

        @Override
        public void close() {
            if (returned.compareAndSet(false, true)) {
                pool.giveBack(pooled);
            }
        }
    }
}
