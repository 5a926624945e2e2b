package org.scale4j.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonyWeights;
import org.scale4j.fusion.config.HarmonizerConfig;

/** The three harmonizers against the plain-Java double reference of spec 2.6. */
class HarmonizerTest {

    private static final List<String> NAMES = List.of("audio", "image", "table", "text", "video");
    private static final int B = 4;
    private static final int M = 5;
    private static final int D = 3;
    private static final float[][] PRESENT = {{1, 1, 1, 1, 1}, {1, 0, 1, 1, 0}, {0, 0, 0, 1, 0}, {1, 1, 0, 1, 1}};

    private final float[] feats;
    private final float[] probe;

    HarmonizerTest() {
        Random rng = new Random(21);
        feats = new float[B * M * D];
        for (int i = 0; i < feats.length; i++) {
            feats[i] = (float) rng.nextGaussian();
        }
        // one zero vector: the cosine must stay finite (PyTorch's eps formulation)
        for (int d = 0; d < D; d++) {
            feats[(3 * M + 2) * D + d] = 0f;
        }
        probe = new float[B * M * (M + 1)];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = (float) rng.nextGaussian();
        }
    }

    private static double[][][] cube(double[] flat) {
        double[][][] f = new double[B][M][D];
        for (int i = 0; i < flat.length; i++) {
            f[i / (M * D)][(i / D) % M][i % D] = flat[i];
        }
        return f;
    }

    private static double[] doubles(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    private static NDArray presence(NDManager m) {
        float[] flat = new float[B * M];
        for (int b = 0; b < B; b++) {
            System.arraycopy(PRESENT[b], 0, flat, b * M, M);
        }
        return m.create(flat, new Shape(B, M));
    }

    /** A scalar that depends on every weight: Σ probe·[W | w]. */
    private double probe(double[][][] pairs, double[][] modality) {
        double s = 0;
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < M; j++) {
                    s += probe[(b * M + i) * (M + 1) + j] * pairs[b][i][j];
                }
                s += probe[(b * M + i) * (M + 1) + M] * modality[b][i];
            }
        }
        return s;
    }

    private double referenceProbe(String kind, double[] x, boolean maskMissing) {
        double[][][] f = cube(x);
        double[][][] pairs = new double[B][M][M];
        double[][] modality = new double[B][M];
        if (kind.equals("self")) {
            pairs = HarmonizerReference.perSample(f, PRESENT, maskMissing);
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < M; i++) {
                    modality[b][i] = pairs[b][i][i];
                }
            }
        } else {
            double[][][] out = HarmonizerReference.batchLevel(f, PRESENT);
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < M; i++) {
                    System.arraycopy(out[b][i], 0, pairs[b][i], 0, M);
                    modality[b][i] = out[b][i][M];
                }
            }
        }
        return probe(pairs, modality);
    }

    private void check(Harmonizer harmonizer, String kind, boolean maskMissing) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray summaries = m.create(feats, new Shape(B, M, D));
            summaries.setRequiresGradient(true);
            float[] pairs;
            float[] modality;
            float[] grads;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                HarmonyWeights weights = harmonizer.harmonize(NAMES, summaries, presence(m));
                pairs = weights.pairWeights().toFloatArray();
                modality = weights.modalityWeights().toFloatArray();
                NDArray joined = weights.pairWeights().concat(weights.modalityWeights().expandDims(2), 2);
                collector.backward(joined.mul(m.create(probe, new Shape(B, M, M + 1))).sum());
                grads = summaries.getGradient().toFloatArray();
            }
            double[][][] f = cube(doubles(feats));
            double[][][] expected = kind.equals("self")
                    ? HarmonizerReference.perSample(f, PRESENT, maskMissing)
                    : HarmonizerReference.batchLevel(f, PRESENT);
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < M; i++) {
                    for (int j = 0; j < M; j++) {
                        assertEquals(expected[b][i][j], pairs[(b * M + i) * M + j], 1e-5, kind + " W[" + b + "," + i + "," + j + "]");
                    }
                    double w = kind.equals("self") ? expected[b][i][i] : expected[b][i][M];
                    assertEquals(w, modality[b * M + i], 1e-5, kind + " w[" + b + "," + i + "]");
                }
            }
            double[] x = doubles(feats);
            for (int k = 0; k < x.length; k++) {
                if (!maskMissing && k / D == 3 * M + 2) {
                    // the zero vector itself takes part in the released mode: at 0 the cosine sits
                    // on its eps clamp (|f|²|g|² < eps²), where finite differences are meaningless
                    continue;
                }
                double numeric = derivative(v -> referenceProbe(kind, v, maskMissing), x, k);
                assertEquals(numeric, grads[k], 1e-4, kind + " gradient " + k);
            }
        }
    }

    private static double derivative(java.util.function.ToDoubleFunction<double[]> f, double[] x, int i) {
        double h = 1e-6;
        double saved = x[i];
        x[i] = saved + h;
        double up = f.applyAsDouble(x);
        x[i] = saved - h;
        double down = f.applyAsDouble(x);
        x[i] = saved;
        return (up - down) / (2 * h);
    }

    @Test
    void selfHarmonizedMatchesReferenceAndMasksMissingModalities() {
        check(new SelfHarmonizedProvider().create(HarmonizerConfig.defaults()), "self", true);
    }

    @Test
    void selfHarmonizedReleasedBehaviourKeepsMissingModalities() {
        check(new SelfHarmonizedProvider().create(new HarmonizerConfig(false, 1e-8)), "self", false);
    }

    @Test
    void batchHarmonizedMatchesReference() {
        check(new BatchHarmonizedProvider().create(HarmonizerConfig.defaults()), "batch", true);
    }

    @Test
    void uniformIsPresenceOnly() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            HarmonyWeights weights = new UniformHarmonizerProvider().create(HarmonizerConfig.defaults())
                    .harmonize(NAMES, m.create(feats, new Shape(B, M, D)), presence(m));
            float[] pairs = weights.pairWeights().toFloatArray();
            float[] modality = weights.modalityWeights().toFloatArray();
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < M; i++) {
                    assertEquals(PRESENT[b][i], modality[b * M + i], 0f);
                    for (int j = 0; j < M; j++) {
                        assertEquals(PRESENT[b][i] * PRESENT[b][j], pairs[(b * M + i) * M + j], 0f);
                    }
                }
            }
        }
    }

    @Test
    void unimodalSampleGetsWeightOne() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            HarmonyWeights weights = new SelfHarmonizedProvider().create(HarmonizerConfig.defaults())
                    .harmonize(NAMES, m.create(feats, new Shape(B, M, D)), presence(m));
            // sample 2 has only text (index 3)
            assertEquals(1f, weights.modalityWeights().getFloat(2, 3), 1e-6);
            assertEquals(0f, weights.modalityWeights().getFloat(2, 0), 0f);
        }
    }
}
