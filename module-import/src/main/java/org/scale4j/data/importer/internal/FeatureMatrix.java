package org.scale4j.data.importer.internal;

/**
 * A row-major matrix of features {@code [rows, dim]} as little-endian bytes, float32 or float16,
 * exactly as read from the source (no conversion until the Arrow writer needs one).
 *
 * @param rows the number of rows (regions, frames, mel bins)
 * @param dim the row width
 * @param half whether the values are IEEE float16 (2 bytes) rather than float32 (4 bytes)
 * @param data {@code rows * dim * (half ? 2 : 4)} bytes, little-endian
 */
public record FeatureMatrix(int rows, int dim, boolean half, byte[] data) {

    public FeatureMatrix {
        long expected = (long) rows * dim * (half ? 2 : 4);
        if (data.length != expected) {
            throw new IllegalArgumentException("feature bytes " + data.length + " != " + rows + "x" + dim
                    + (half ? " float16" : " float32"));
        }
    }

    /** A float32 matrix from values. */
    public static FeatureMatrix ofFloats(int rows, int dim, float[] values) {
        byte[] bytes = new byte[values.length * 4];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
        return new FeatureMatrix(rows, dim, false, bytes);
    }
}
