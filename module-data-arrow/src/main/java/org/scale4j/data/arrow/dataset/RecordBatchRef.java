package org.scale4j.data.arrow.dataset;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One memory-mapped record batch and where it came from.
 *
 * @param fileName the shard path as shown in messages (relative to the dataset directory)
 * @param root the batch's vectors
 * @param firstRow the index of the batch's first row within its file
 * @param file the file the batch was mapped from, for positional bulk reads
 * @param index the batch's index within {@code file}
 */
public record RecordBatchRef(String fileName, VectorSchemaRoot root, long firstRow,
        org.scale4j.data.arrow.ipc.MappedArrowFile file, int index) {
}
