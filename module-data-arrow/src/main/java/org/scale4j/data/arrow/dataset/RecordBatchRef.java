package org.scale4j.data.arrow.dataset;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One memory-mapped record batch and where it came from.
 *
 * @param fileName the shard path as shown in messages (relative to the dataset directory)
 * @param root the batch's vectors
 * @param firstRow the index of the batch's first row within its file
 * @param file the file the batch was mapped from, for positional bulk reads
 * @param index the batch's index within {@code file}
 * @param nullCounts cache of {@link #nullCount}, by vector identity
 */
public record RecordBatchRef(String fileName, VectorSchemaRoot root, long firstRow,
        org.scale4j.data.arrow.ipc.MappedArrowFile file, int index, Map<FieldVector, Long> nullCounts) {

    /** A reference with an empty null-count cache. */
    public RecordBatchRef(String fileName, VectorSchemaRoot root, long firstRow,
            org.scale4j.data.arrow.ipc.MappedArrowFile file, int index) {
        this(fileName, root, firstRow, file, index, new IdentityHashMap<>());
    }

    /**
     * The null count of one of this batch's vectors, computed once: Arrow counts the validity
     * bitmap on every {@code getNullCount()} call, which per-row validation would repeat for every
     * row of the batch.
     */
    long nullCount(FieldVector vector) {
        synchronized (nullCounts) {
            return nullCounts.computeIfAbsent(vector, v -> (long) v.getNullCount());
        }
    }
}
