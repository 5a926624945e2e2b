package org.scale4j.data.arrow.dataset;

import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.DataPosition;

/**
 * Which rows the batch starting at a position holds, and where the next batch starts. Pure
 * arithmetic over the epoch permutation, so that a resumed stream and a prefetching one agree.
 *
 * @param epoch the epoch of the batch
 * @param offset the batch's first sample within the epoch's order
 * @param length the number of samples
 * @param index the batch index within the epoch, {@code offset / batchSize}, seeds its masking
 */
record BatchPlan(int epoch, long offset, int length, long index) {

    /**
     * The batch at or after {@code from}, or {@code null} when the stream has ended.
     *
     * @param rows the number of usable rows in the split
     */
    static BatchPlan at(DataPosition from, long rows, BatchOptions options) {
        int epoch = from.epoch();
        long offset = from.offset();
        int b = options.batchSize();
        for (int attempts = 0; attempts < 2; attempts++) {
            long left = rows - offset;
            if (left > 0 && (left >= b || !options.dropLast())) {
                return new BatchPlan(epoch, offset, (int) Math.min(b, left), offset / b);
            }
            if (!options.repeat() || rows == 0 || (options.dropLast() && rows < b)) {
                return null;
            }
            epoch++;
            offset = 0;
        }
        return null;
    }

    /** The position after this batch. */
    DataPosition end() {
        return new DataPosition(epoch, offset + length);
    }
}
