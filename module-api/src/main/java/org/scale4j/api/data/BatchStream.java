package org.scale4j.api.data;

import ai.djl.ndarray.NDManager;
import org.scale4j.api.batch.Batch;

/**
 * A deterministic sequence of batches. The same dataset, options and start position give the same
 * batches, bit for bit, whatever the prefetch depth.
 */
public interface BatchStream extends AutoCloseable {

    /** Whether another batch follows (always true for a repeating stream over a non-empty split). */
    boolean hasNext();

    /**
     * The next batch, its tensors in a new sub-manager of {@code parent}; the caller closes it.
     *
     * @throws DataException when a row is bad and the recipe says to fail
     */
    Batch next(NDManager parent);

    /** The position after the last batch returned: where a resumed stream starts. */
    DataPosition position();

    @Override
    void close();
}
