package org.scale4j.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The harmonizers' gradients stay finite and bounded when a present modality's vector collapses to
 * (almost) zero, as the ReLU-pooled contrastive features of the quickstart run did at step 11:
 * there the cosine row of that modality (its diagonal included) fell onto the eps clamp, the
 * harmonized row became ~0, and its L2 normalisation (gradient up to 1e12) chained with the
 * clamped cosine (1e8) gave pooler gradients of 5e35 and NaN in the encoders.
 */
class HarmonizerGradientTest {

    private static final List<String> NAMES = List.of("audio", "image", "table", "text", "video");
    private static final int B = 3;
    private static final int M = 5;
    private static final int D = 8;
    /** Largest gradient allowed for a unit probe: the cosine's own 1/eps scale with room to spare. */
    private static final double BOUND = 1e9;

    /** Non-negative (ReLU-like) features; modality {@code collapsed} of sample 0 is scaled to norm {@code scale}. */
    private static float[] features(int collapsed, double scale) {
        Random rng = new Random(5);
        float[] f = new float[B * M * D];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) Math.max(0, rng.nextGaussian());
        }
        double norm = 0;
        for (int d = 0; d < D; d++) {
            norm += f[collapsed * D + d] * f[collapsed * D + d];
        }
        for (int d = 0; d < D; d++) {
            f[collapsed * D + d] = (float) (f[collapsed * D + d] / Math.sqrt(norm) * scale);
        }
        return f;
    }

    private static float[] gradient(Harmonizer harmonizer, float[] feats, float[] present) {
        Random rng = new Random(9);
        float[] probe = new float[B * M * (M + 1)];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = (float) rng.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray summaries = m.create(feats, new Shape(B, M, D));
            summaries.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                HarmonyWeights weights = harmonizer.harmonize(NAMES, summaries, m.create(present, new Shape(B, M)));
                NDArray joined = weights.pairWeights().concat(weights.modalityWeights().expandDims(2), 2);
                assertTrue(!joined.isNaN().any().getBoolean() && !joined.isInfinite().any().getBoolean(),
                        "weights are finite");
                collector.backward(joined.mul(m.create(probe, new Shape(B, M, M + 1))).sum());
                return summaries.getGradient().toFloatArray();
            }
        }
    }

    private static void assertBounded(Harmonizer harmonizer, String what) {
        float[] present = new float[B * M];
        java.util.Arrays.fill(present, 1f);
        present[M + 4] = 0f; // sample 1 lacks video
        for (double scale : new double[] {0, 1e-13, 1e-10, 1e-8, 1e-6, 1e-3}) {
            for (int collapsed : new int[] {0, 3}) {
                float[] grads = gradient(harmonizer, features(collapsed, scale), present);
                for (int k = 0; k < grads.length; k++) {
                    float g = grads[k];
                    assertTrue(Float.isFinite(g) && Math.abs(g) <= BOUND,
                            what + ": modality " + collapsed + " at norm " + scale + ": gradient " + k + " = " + g);
                }
            }
        }
    }

    @Test
    void selfHarmonizedGradientIsBoundedAtCollapsedVectors() {
        assertBounded(new SelfHarmonizedProvider().create(HarmonizerConfig.defaults()), "self");
    }

    @Test
    void selfHarmonizedReleasedModeGradientIsBoundedAtCollapsedVectors() {
        assertBounded(new SelfHarmonizedProvider().create(new HarmonizerConfig(false, 1e-8)), "self released");
    }

    @Test
    void batchHarmonizedGradientIsBoundedAtCollapsedVectors() {
        assertBounded(new BatchHarmonizedProvider().create(HarmonizerConfig.defaults()), "batch");
    }

    @Test
    void presentModalityAlwaysHasSelfSimilarityOne() {
        // a present modality whose vector is zero still has C[m,m] = 1, so its row of the graph is
        // well defined and the other modalities' weights do not depend on how small it is
        float[] present = new float[B * M];
        java.util.Arrays.fill(present, 1f);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Harmonizer harmonizer = new SelfHarmonizedProvider().create(HarmonizerConfig.defaults());
            float[] zero = harmonizer.harmonize(NAMES, m.create(features(0, 0), new Shape(B, M, D)),
                    m.create(present, new Shape(B, M))).pairWeights().toFloatArray();
            float[] tiny = harmonizer.harmonize(NAMES, m.create(features(0, 1e-12), new Shape(B, M, D)),
                    m.create(present, new Shape(B, M))).pairWeights().toFloatArray();
            // row 0 of sample 0: C = [1, 0, 0, 0, 0] (orthogonal to the zero vector), so
            // W[0,0] = 1 and the rest 0; a vector of norm 1e-12 is continuous with it (its
            // off-diagonal cosines are about 1e-12·|g|/eps, 1e-4)
            assertEquals(1f, zero[0], 1e-6f);
            for (int n = 1; n < M; n++) {
                assertEquals(0f, zero[n], 1e-6f);
            }
            for (int i = 0; i < zero.length; i++) {
                assertEquals(zero[i], tiny[i], 1e-3f, "W entry " + i);
            }
        }
    }
}
