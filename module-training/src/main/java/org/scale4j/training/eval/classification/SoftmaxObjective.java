package org.scale4j.training.eval.classification;

import org.scale4j.training.eval.DotKernel;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Workers;

/**
 * The probe's training objective over θ = [W row-major {@code [C, D]}, b {@code [C]}]:
 * {@code (1/N) Σ_i (logsumexp(z_i) - z_i[y_i]) + (λ/2)||W||²} with {@code z_i = W x_i + b}, and its gradient
 * {@code ∂/∂W[c] = (1/N) Σ_i (p_ic - [y_i = c]) x_i + λ W[c]}, {@code ∂/∂b[c] = (1/N) Σ_i (p_ic - [y_i = c])}.
 *
 * <p>Samples are processed in chunks of 4096 rows so the residual buffer stays {@code 4096 x C} floats. Losses are
 * summed per fixed 64-row range and gradient rows per class, each in sample order, so the value and the gradient do
 * not depend on the thread count.
 */
final class SoftmaxObjective implements Lbfgs.Objective {

    /** Rows per logits/residual chunk: bounds the residual buffer to {@code CHUNK * C} floats. */
    private static final int CHUNK = 4096;

    private final FeatureMatrix z;
    private final int[] y;
    private final int c;
    private final double l2;
    private final Workers workers;
    private final float[] residual;

    SoftmaxObjective(FeatureMatrix z, int[] y, int c, double l2, Workers workers) {
        this.z = z;
        this.y = y;
        this.c = c;
        this.l2 = l2;
        this.workers = workers;
        this.residual = new float[Math.min(CHUNK, Math.max(1, z.rows())) * c];
    }

    @Override
    public double evaluate(double[] theta, double[] grad) {
        int d = z.dim();
        int n = z.rows();
        float[] w = new float[c * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) theta[i];
        }
        FeatureMatrix wm = new FeatureMatrix(w, c, d);
        java.util.Arrays.fill(grad, 0.0);
        double lossSum = 0.0;
        float[] x = z.data();
        for (int chunkStart = 0; chunkStart < n; chunkStart += CHUNK) {
            int rows = Math.min(CHUNK, n - chunkStart);
            int base = chunkStart;
            // Losses per 64-row range, summed in range order so the total is thread-independent.
            int ranges = (rows + 63) / 64;
            double[] partLoss = new double[ranges];
            workers.forRanges(rows, 64, (s, e) -> {
                DotKernel.tile(z, base + s, e - s, wm, 0, c, residual, s * c, c);
                double part = 0.0;
                for (int i = s; i < e; i++) {
                    int o = i * c;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < c; k++) {
                        double v = residual[o + k] + theta[c * d + k];
                        max = Math.max(max, v);
                    }
                    double sum = 0.0;
                    for (int k = 0; k < c; k++) {
                        sum += Math.exp(residual[o + k] + theta[c * d + k] - max);
                    }
                    double logZ = max + Math.log(sum);
                    int label = y[base + i];
                    part += logZ - (residual[o + label] + theta[c * d + label]);
                    for (int k = 0; k < c; k++) {
                        double p = Math.exp(residual[o + k] + theta[c * d + k] - logZ);
                        residual[o + k] = (float) (k == label ? p - 1.0 : p);
                    }
                }
                partLoss[s / 64] = part;
            });
            for (double v : partLoss) {
                lossSum += v;
            }
            // Gradient rows by class range: each class row is summed over samples in order by one thread.
            workers.forEvenRanges(c, 1, (k0, k1) -> {
                for (int k = k0; k < k1; k++) {
                    int go = k * d;
                    double gb = 0.0;
                    for (int i = 0; i < rows; i++) {
                        double r = residual[i * c + k];
                        gb += r;
                        if (r == 0.0) {
                            continue;
                        }
                        int xo = (base + i) * d;
                        for (int j = 0; j < d; j++) {
                            grad[go + j] += r * x[xo + j];
                        }
                    }
                    grad[c * d + k] += gb;
                }
            });
        }
        double reg = 0.0;
        for (int i = 0; i < c * d; i++) {
            grad[i] = grad[i] / n + l2 * theta[i];
            reg += theta[i] * theta[i];
        }
        for (int k = 0; k < c; k++) {
            grad[c * d + k] /= n;
        }
        return lossSum / n + 0.5 * l2 * reg;
    }
}
