package org.scale4j.api.data;

/**
 * Where a batch stream stands: the epoch and the number of samples of that epoch already
 * delivered. A checkpoint stores it so that a resumed run continues with exactly the next batch.
 */
public record DataPosition(int epoch, long offset) {

    /** The start of the first epoch. */
    public static final DataPosition START = new DataPosition(0, 0);

    public DataPosition {
        if (epoch < 0 || offset < 0) {
            throw new IllegalArgumentException("data position must be non-negative, got " + epoch + "/" + offset);
        }
    }
}
