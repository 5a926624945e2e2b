package org.scale4j.training.eval.classification;

import org.scale4j.training.eval.DotKernel;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Workers;

/**
 * A multinomial logistic-regression probe on frozen features: {@code p(c|x) = softmax(W z + b)} with
 * {@code z = standardise(x)}, {@code W [C, D]}, {@code b [C]}.
 *
 * <p>Training minimises {@code (1/N) Σ_i -log p(y_i|x_i) + (λ/2)||W||²} with full-batch L-BFGS from zero weights.
 * Logits use the shared {@link DotKernel}; the gradient row of class c is accumulated over samples in index order by
 * one thread, so the result does not depend on the thread count.
 */
public final class LinearProbe {

    private final Standardizer standardizer;
    private final FeatureMatrix weights;
    private final float[] bias;
    private final int iterations;
    private final double loss;

    private LinearProbe(Standardizer standardizer, FeatureMatrix weights, float[] bias, int iterations, double loss) {
        this.standardizer = standardizer;
        this.weights = weights;
        this.bias = bias;
        this.iterations = iterations;
        this.loss = loss;
    }

    /**
     * Trains on {@code x [N, D]} with labels {@code y [N]} in {@code [0, numClasses)}, and reports top-1 accuracy
     * on the test split.
     */
    public static ProbeResult evaluate(FeatureMatrix trainX, int[] trainY, FeatureMatrix testX, int[] testY,
            int numClasses, LinearProbeConfig config) {
        LinearProbe probe = fit(trainX, trainY, numClasses, config);
        return new ProbeResult(probe.accuracy(testX, testY, config.threads()),
                probe.accuracy(trainX, trainY, config.threads()), probe.iterations, probe.loss);
    }

    /** Fits the probe. */
    public static LinearProbe fit(FeatureMatrix x, int[] y, int numClasses, LinearProbeConfig config) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier needs >= 2 classes, got " + numClasses);
        }
        checkLabels("train", x, y, numClasses);
        x.requireFinite("train features");
        Standardizer st = Standardizer.fit(x);
        FeatureMatrix z = st.apply(x);
        int d = z.dim();
        int c = numClasses;
        double[] theta = new double[c * d + c];
        try (Workers workers = new Workers(config.threads())) {
            SoftmaxObjective objective = new SoftmaxObjective(z, y, c, config.l2(), workers);
            Lbfgs.Outcome out = Lbfgs.minimize(objective, theta, config.maxIterations(), config.gradTolerance(),
                    config.history());
            float[] w = new float[c * d];
            float[] b = new float[c];
            for (int i = 0; i < c * d; i++) {
                w[i] = (float) theta[i];
            }
            for (int k = 0; k < c; k++) {
                b[k] = (float) theta[c * d + k];
            }
            return new LinearProbe(st, new FeatureMatrix(w, c, d), b, out.iterations(), out.loss());
        }
    }

    /** Predicted class per row (argmax of the logits; ties go to the lower class). */
    public int[] predict(FeatureMatrix x, int threads) {
        if (x.dim() != weights.dim()) {
            throw new IllegalArgumentException("features have dim " + x.dim() + " but the probe was trained on "
                    + weights.dim());
        }
        FeatureMatrix z = standardizer.apply(x);
        int c = weights.rows();
        int[] pred = new int[x.rows()];
        try (Workers workers = new Workers(threads)) {
            workers.forRanges(x.rows(), 256, (start, end) -> {
                float[] logits = new float[(end - start) * c];
                DotKernel.tile(z, start, end - start, weights, 0, c, logits, 0, c);
                for (int i = start; i < end; i++) {
                    int o = (i - start) * c;
                    int best = 0;
                    float bestV = logits[o] + bias[0];
                    for (int k = 1; k < c; k++) {
                        float v = logits[o + k] + bias[k];
                        if (v > bestV) {
                            bestV = v;
                            best = k;
                        }
                    }
                    pred[i] = best;
                }
            });
        }
        return pred;
    }

    /** Top-1 accuracy on {@code x} with labels {@code y}; 0 for an empty set. */
    public double accuracy(FeatureMatrix x, int[] y, int threads) {
        checkLabels("test", x, y, weights.rows());
        if (x.rows() == 0) {
            return 0.0;
        }
        int[] pred = predict(x, threads);
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == y[i]) {
                correct++;
            }
        }
        return (double) correct / pred.length;
    }

    /** L-BFGS iterations used. */
    public int iterations() {
        return iterations;
    }

    /** Final training objective. */
    public double loss() {
        return loss;
    }

    private static void checkLabels(String split, FeatureMatrix x, int[] y, int numClasses) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException(split + ": " + y.length + " labels for " + x.rows() + " feature rows");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException(split + ": label of row " + i + " is " + y[i]
                        + "; labels must be class indices in [0, " + numClasses + ")");
            }
        }
    }
}
