package org.scale4j.data.arrow.dataset;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One memory-mapped record batch and where it came from.
 *
 * @param fileName the shard path as shown in messages (relative to the dataset directory)
 * @param root the batch's vectors
 * @param firstRow the index of the batch's first row within its file
 */
public record RecordBatchRef(String fileName, VectorSchemaRoot root, long firstRow) {
}
