package org.scale4j.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.ObjectiveOutput;

/** SIMCL against a plain-Java double computation of spec 2.7, with missing modalities. */
class SimclObjectiveTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final int B = 5;
    private static final int P = 4;
    private static final double TAU = 0.07;
    /** Sample 1 lacks c, sample 3 lacks a, sample 4 has only b. */
    private static final float[] PRESENT = {1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0};

    private final Random rng = new Random(3);
    private final float[] feats = Outputs.gaussian(rng, NAMES.size() * B * P, 0.5);
    private final float[] weights = Outputs.uniform(rng, B * 9, 0.3, 1.0);

    /** Reference loss of one pair: NT-Xent over the 2N rows of the taking-part samples. */
    static double pairLoss(double[][] fi, double[][] fj, double[] w, boolean[] valid, double tau) {
        int b = fi.length;
        double[][] z = new double[2 * b][];
        for (int i = 0; i < b; i++) {
            z[i] = Ref.normalize(fi[i]);
            z[b + i] = Ref.normalize(fj[i]);
        }
        double sum = 0;
        int rows = 0;
        for (int r = 0; r < 2 * b; r++) {
            if (!valid[r % b]) {
                continue;
            }
            int partner = (r + b) % (2 * b);
            double[] logits = new double[2 * b];
            int k = 0;
            double positive = 0;
            for (int c = 0; c < 2 * b; c++) {
                if (c == r || !valid[c % b]) {
                    continue;
                }
                double logit = Ref.dot(z[r], z[c]) / tau * w[r % b];
                logits[k++] = logit;
                if (c == partner) {
                    positive = logit;
                }
            }
            sum += Ref.logSumExp(java.util.Arrays.copyOf(logits, k)) - positive;
            rows++;
        }
        return sum / rows;
    }

    /** Reference SIMCL: mean over the pairs with at least one taking-part sample. */
    static double simcl(double[] features, float[] present, float[] pairWeights, boolean maskMissing) {
        int m = NAMES.size();
        double total = 0;
        int pairs = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                boolean[] valid = new boolean[B];
                int count = 0;
                double[][] fi = new double[B][P];
                double[][] fj = new double[B][P];
                double[] w = new double[B];
                for (int b = 0; b < B; b++) {
                    valid[b] = !maskMissing || (present[b * m + i] > 0 && present[b * m + j] > 0);
                    count += valid[b] ? 1 : 0;
                    for (int d = 0; d < P; d++) {
                        fi[b][d] = features[(i * B + b) * P + d];
                        fj[b][d] = features[(j * B + b) * P + d];
                    }
                    w[b] = pairWeights[(b * m + i) * m + j];
                }
                if (count > 0) {
                    total += pairLoss(fi, fj, w, valid, TAU);
                    pairs++;
                }
            }
        }
        return pairs == 0 ? 0 : total / pairs;
    }

    private ObjectiveOutput run(NDManager m, float[] features, float[] present, boolean maskMissing, NDArray[] inputs) {
        Map<String, NDArray> contrastive = new java.util.TreeMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            NDArray f = m.create(java.util.Arrays.copyOfRange(features, i * B * P, (i + 1) * B * P), new Shape(B, P));
            if (inputs != null) {
                f.setRequiresGradient(true);
                inputs[i] = f;
            }
            contrastive.put(NAMES.get(i), f);
        }
        ModelOutput output = Outputs.output(m, NAMES, present, contrastive, m.create(weights, new Shape(B, 3, 3)),
                Map.of(), null);
        return new SimclObjective((float) TAU, maskMissing).compute(new ParameterStore(m, false), null, output, true);
    }

    @Test
    void lossMatchesDoubleReferenceWithMissingModalities() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float loss = run(m, feats, PRESENT, true, null).loss().getFloat();
            double expected = simcl(Ref.vector(feats), PRESENT, weights, true);
            assertEquals(expected, loss, 1e-5);
            assertTrue(expected > 0.5, "a non-trivial loss: " + expected);
        }
    }

    @Test
    void releasedBehaviourCountsEverySample() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float loss = run(m, feats, PRESENT, false, null).loss().getFloat();
            assertEquals(simcl(Ref.vector(feats), PRESENT, weights, false), loss, 1e-5);
            assertTrue(Math.abs(simcl(Ref.vector(feats), PRESENT, weights, true) - loss) > 1e-3, "the flag changes the loss");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray[] inputs = new NDArray[3];
            float[][] grads = new float[3][];
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ObjectiveOutput out = run(m, feats, PRESENT, true, inputs);
                collector.backward(out.loss());
                for (int i = 0; i < 3; i++) {
                    grads[i] = inputs[i].getGradient().toFloatArray();
                }
            }
            double[] x = Ref.vector(feats);
            for (int k = 0; k < x.length; k++) {
                double numeric = Ref.derivative(v -> simcl(v, PRESENT, weights, true), x, k);
                assertEquals(numeric, grads[k / (B * P)][k % (B * P)], 1e-4, "d loss / d feature " + k);
            }
        }
    }

    @Test
    void absentSamplesChangeNothing() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] changed = feats.clone();
            // sample 1 lacks c (modality index 2): scramble its c features
            for (int d = 0; d < P; d++) {
                changed[(2 * B + 1) * P + d] = 7f + d;
            }
            assertEquals(run(m, feats, PRESENT, true, null).loss().getFloat(),
                    run(m, changed, PRESENT, true, null).loss().getFloat(), 0f);
        }
    }

    @Test
    void pairWithoutSamplesContributesZeroAndIsReported() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] onlyB = new float[B * 3];
            for (int b = 0; b < B; b++) {
                onlyB[b * 3 + 1] = 1;
            }
            ObjectiveOutput out = run(m, feats, onlyB, true, null);
            assertEquals(0f, out.loss().getFloat(), 0f);
            assertEquals(List.of("simcl pair a-b: no sample has both modalities",
                    "simcl pair a-c: no sample has both modalities",
                    "simcl pair b-c: no sample has both modalities"), out.skipped());
        }
    }

    @Test
    void accuracyIsTheShareOfRowsWhosePositiveWins() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // identical features in both views: every positive has cosine 1, the top logit
            float[] same = feats.clone();
            System.arraycopy(same, 0, same, B * P, B * P);
            float acc = run(m, same, PRESENT, true, null).metrics().get("acc/a-b").getFloat();
            assertEquals(1f, acc, 0f);
        }
    }

    @Test
    void gradientIsBoundedAtCollapsedFeatures() {
        // a present sample whose pooled (ReLU) feature has collapsed: exactly 0, or shorter than
        // any meaningful direction. The old floor of 1e-12 on the norm passed gradients up to 1e12.
        for (double scale : new double[] {0, 1e-12, 1e-9, 1e-7}) {
            float[] collapsed = feats.clone();
            for (int d = 0; d < P; d++) {
                collapsed[(0 * B + 0) * P + d] = (float) (scale / Math.sqrt(P)); // a, sample 0
            }
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                NDArray[] inputs = new NDArray[3];
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    ObjectiveOutput out = run(m, collapsed, PRESENT, true, inputs);
                    assertTrue(Float.isFinite(out.loss().getFloat()), "finite loss at norm " + scale);
                    collector.backward(out.loss());
                    for (int i = 0; i < 3; i++) {
                        float[] g = inputs[i].getGradient().toFloatArray();
                        for (int k = 0; k < g.length; k++) {
                            assertTrue(Float.isFinite(g[k]) && Math.abs(g[k]) <= 1e7,
                                    "norm " + scale + ": d loss / d " + NAMES.get(i) + "[" + k + "] = " + g[k]);
                        }
                    }
                }
            }
        }
    }

    static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
