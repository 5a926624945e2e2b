package org.scale4j.training.eval.classification;

import org.scale4j.training.eval.FeatureMatrix;

/**
 * Per-column standardisation {@code (x - mean) / std}, fitted on the training features (statistics in double).
 * A constant column (std 0) is only centred, so it becomes all zeros instead of NaN.
 */
public final class Standardizer {

    private final float[] mean;
    private final float[] invStd;

    private Standardizer(float[] mean, float[] invStd) {
        this.mean = mean;
        this.invStd = invStd;
    }

    /** Fits the column means and standard deviations (population std) of {@code x}, which needs >= 1 row. */
    public static Standardizer fit(FeatureMatrix x) {
        if (x.rows() == 0) {
            throw new IllegalArgumentException("cannot standardise zero training rows");
        }
        int d = x.dim();
        double[] sum = new double[d];
        double[] sq = new double[d];
        float[] v = x.data();
        for (int r = 0; r < x.rows(); r++) {
            int o = r * d;
            for (int c = 0; c < d; c++) {
                sum[c] += v[o + c];
            }
        }
        float[] mean = new float[d];
        for (int c = 0; c < d; c++) {
            mean[c] = (float) (sum[c] / x.rows());
        }
        for (int r = 0; r < x.rows(); r++) {
            int o = r * d;
            for (int c = 0; c < d; c++) {
                double e = v[o + c] - (double) mean[c];
                sq[c] += e * e;
            }
        }
        float[] inv = new float[d];
        for (int c = 0; c < d; c++) {
            double std = Math.sqrt(sq[c] / x.rows());
            inv[c] = std > 1e-12 ? (float) (1.0 / std) : 1f;
        }
        return new Standardizer(mean, inv);
    }

    /** A standardised copy of {@code x}. */
    public FeatureMatrix apply(FeatureMatrix x) {
        if (x.dim() != mean.length) {
            throw new IllegalArgumentException("features have dim " + x.dim() + " but the standardizer was fitted on "
                    + mean.length);
        }
        int d = x.dim();
        float[] v = x.data();
        float[] out = new float[v.length];
        for (int r = 0; r < x.rows(); r++) {
            int o = r * d;
            for (int c = 0; c < d; c++) {
                out[o + c] = (v[o + c] - mean[c]) * invStd[c];
            }
        }
        return new FeatureMatrix(out, x.rows(), d);
    }
}
