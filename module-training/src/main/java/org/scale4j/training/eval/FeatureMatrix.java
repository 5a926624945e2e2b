package org.scale4j.training.eval;

import java.util.Objects;

/**
 * A dense row-major matrix of features, shape {@code [rows, dim]}, backed by one {@code float[]}.
 *
 * <p>Row {@code r} occupies {@code data[r*dim .. r*dim+dim)}. The array is used as given (not copied), so callers
 * must not mutate it while an evaluation runs. One array holds at most {@link Integer#MAX_VALUE} - 8 values, which
 * is enough for 1M rows of dimension 2048.
 *
 * @param data row-major values, length {@code rows*dim}, never null
 * @param rows number of rows (samples), {@code >= 0}
 * @param dim number of columns (feature dimension), {@code >= 1}
 */
public record FeatureMatrix(float[] data, int rows, int dim) {

    /** The largest array the JVM reliably allocates. */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 8L;

    public FeatureMatrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if ((long) rows * dim != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values but rows*dim = " + rows + "*" + dim
                    + " = " + ((long) rows * dim));
        }
    }

    /** Allocates a zero matrix {@code [rows, dim]}; fails clearly when it cannot fit in one array. */
    public static FeatureMatrix zeros(int rows, int dim) {
        long n = (long) rows * dim;
        if (n > MAX_VALUES) {
            throw new IllegalArgumentException("a feature matrix of " + rows + " x " + dim + " = " + n
                    + " values exceeds one Java array (" + MAX_VALUES + "); evaluate in smaller shards");
        }
        return new FeatureMatrix(new float[(int) n], rows, dim);
    }

    /** Copies a {@code float[rows][dim]} array (all rows must have the same length). */
    public static FeatureMatrix of(float[][] rowsArray) {
        if (rowsArray.length == 0) {
            throw new IllegalArgumentException("cannot infer dim from zero rows; use zeros(0, dim)");
        }
        int dim = rowsArray[0].length;
        FeatureMatrix m = zeros(rowsArray.length, dim);
        for (int r = 0; r < rowsArray.length; r++) {
            if (rowsArray[r].length != dim) {
                throw new IllegalArgumentException("row " + r + " has " + rowsArray[r].length + " values, row 0 has "
                        + dim);
            }
            System.arraycopy(rowsArray[r], 0, m.data, r * dim, dim);
        }
        return m;
    }

    /** Offset of row {@code r} in {@link #data()}. */
    public int offset(int r) {
        return r * dim;
    }

    /** Value at row {@code r}, column {@code c}. */
    public float get(int r, int c) {
        return data[r * dim + c];
    }

    /** A copy of row {@code r}. */
    public float[] row(int r) {
        float[] out = new float[dim];
        System.arraycopy(data, r * dim, out, 0, dim);
        return out;
    }

    /**
     * Fails with the first non-finite value (NaN or infinity), naming {@code what}, the row and the column: a NaN
     * score would otherwise silently poison rankings and means.
     */
    public void requireFinite(String what) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException(what + ": row " + (i / dim) + ", column " + (i % dim)
                        + " is " + data[i] + "; features must be finite (check the feature extraction)");
            }
        }
    }

    /**
     * A copy with every row scaled to unit L2 norm (norm computed in double). All-zero rows stay zero, so under
     * cosine similarity they score 0 against everything.
     */
    public FeatureMatrix l2Normalized() {
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            double sq = 0;
            for (int c = 0; c < dim; c++) {
                sq += (double) data[o + c] * data[o + c];
            }
            if (sq > 0) {
                double inv = 1.0 / Math.sqrt(sq);
                for (int c = 0; c < dim; c++) {
                    out[o + c] = (float) (data[o + c] * inv);
                }
            }
        }
        return new FeatureMatrix(out, rows, dim);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMatrix m && m.rows == rows && m.dim == dim && java.util.Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + dim) + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + dim + "]";
    }
}
