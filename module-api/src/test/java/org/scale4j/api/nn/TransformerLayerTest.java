package org.scale4j.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pre-LN QuickGELU layer (spec 2.5) against a plain-Java double computation, with key masks. */
class TransformerLayerTest {

    private static final int B = 2;
    private static final int T = 3;
    private static final int H = 4;
    private static final int HEADS = 2;
    private static final int F = 6;
    private static final float[] MASK = {1, 1, 0, 1, 0, 0};

    private static double[] param(TransformerLayer layer, String suffix) {
        float[] v = layer.getParameters().stream().filter(p -> p.getKey().endsWith(suffix)).findFirst()
                .orElseThrow().getValue().getArray().toFloatArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** Part {@code k} of three stacked along the rows: the query, key and value blocks of {@code queryKeyValue}. */
    private static double[] third(double[] stacked, int k) {
        return java.util.Arrays.copyOfRange(stacked, k * stacked.length / 3, (k + 1) * stacked.length / 3);
    }

    private static double[] linear(double[] x, double[] w, double[] b) {
        double[] y = new double[b.length];
        for (int o = 0; o < b.length; o++) {
            y[o] = b[o];
            for (int i = 0; i < x.length; i++) {
                y[o] += w[o * x.length + i] * x[i];
            }
        }
        return y;
    }

    private static double[] norm(double[] x, double[] gamma, double[] beta) {
        double mean = 0;
        double var = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        for (double v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * gamma[i] + beta[i];
        }
        return y;
    }

    /** x + Attn(LN(x)) then + MLP(LN(·)) with QuickGELU, for one sample. */
    private static double[][] reference(TransformerLayer layer, double[][] x, float[] mask) {
        double[][] ln = new double[T][];
        double[][] q = new double[T][];
        double[][] k = new double[T][];
        double[][] v = new double[T][];
        for (int t = 0; t < T; t++) {
            ln[t] = norm(x[t], param(layer, "attentionNorm_gamma"), param(layer, "attentionNorm_beta"));
            q[t] = linear(ln[t], third(param(layer, "queryKeyValue_weight"), 0), third(param(layer, "queryKeyValue_bias"), 0));
            k[t] = linear(ln[t], third(param(layer, "queryKeyValue_weight"), 1), third(param(layer, "queryKeyValue_bias"), 1));
            v[t] = linear(ln[t], third(param(layer, "queryKeyValue_weight"), 2), third(param(layer, "queryKeyValue_bias"), 2));
        }
        int d = H / HEADS;
        double[][] out = new double[T][];
        for (int t = 0; t < T; t++) {
            double[] context = new double[H];
            for (int h = 0; h < HEADS; h++) {
                double[] p = new double[T];
                double z = 0;
                for (int s = 0; s < T; s++) {
                    double score = 0;
                    for (int c = 0; c < d; c++) {
                        score += q[t][h * d + c] * k[s][h * d + c];
                    }
                    p[s] = mask[s] > 0 ? Math.exp(score / Math.sqrt(d)) : 0;
                    z += p[s];
                }
                for (int s = 0; s < T; s++) {
                    for (int c = 0; c < d; c++) {
                        context[h * d + c] += p[s] / z * v[s][h * d + c];
                    }
                }
            }
            double[] attended = linear(context, param(layer, "attentionOutput_weight"), param(layer, "attentionOutput_bias"));
            double[] h1 = new double[H];
            for (int i = 0; i < H; i++) {
                h1[i] = x[t][i] + attended[i];
            }
            double[] inner = linear(norm(h1, param(layer, "ffnNorm_gamma"), param(layer, "ffnNorm_beta")),
                    param(layer, "ffnIn_weight"), param(layer, "ffnIn_bias"));
            for (int i = 0; i < F; i++) {
                inner[i] = inner[i] / (1 + Math.exp(-1.702 * inner[i]));
            }
            double[] fed = linear(inner, param(layer, "ffnOut_weight"), param(layer, "ffnOut_bias"));
            out[t] = new double[H];
            for (int i = 0; i < H; i++) {
                out[t][i] = h1[i] + fed[i];
            }
        }
        return out;
    }

    @Test
    void preLayerNormQuickGeluLayerMatchesReference() {
        TransformerLayer layer = Initialization.bert(new TransformerLayer(new LayerSpec(H, HEADS, F,
                Activation.QUICK_GELU, NormPlacement.PRE, 0f, 0f, 1e-5f)), 0.4f);
        // non-trivial LayerNorm parameters, so that gain and shift are checked too
        layer.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.3f), ai.djl.nn.Parameter.Type.BETA);
        Random rng = new Random(2);
        float[] x = new float[B * T * H];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Engine.getInstance().setRandomSeed(8);
            layer.initialize(m, DataType.FLOAT32);
            float[] out = layer.forward(new ParameterStore(m, false), m.create(x, new Shape(B, T, H)),
                    KeyMasks.keyOffset(m.create(MASK, new Shape(B, T))), false).toFloatArray();
            for (int b = 0; b < B; b++) {
                double[][] sample = new double[T][H];
                for (int t = 0; t < T; t++) {
                    for (int i = 0; i < H; i++) {
                        sample[t][i] = x[(b * T + t) * H + i];
                    }
                }
                double[][] expected = reference(layer, sample, java.util.Arrays.copyOfRange(MASK, b * T, b * T + T));
                for (int t = 0; t < T; t++) {
                    if (MASK[b * T + t] == 0) {
                        continue; // padded queries are zeroed by the encoders and fusion, not by the layer
                    }
                    for (int i = 0; i < H; i++) {
                        assertEquals(expected[t][i], out[(b * T + t) * H + i], 1e-5, "b" + b + " t" + t + " i" + i);
                    }
                }
            }
        }
    }

    @Test
    void headsMustDivideHidden() {
        var error = assertThrows(IllegalArgumentException.class, () -> new LayerSpec(6, 4, 8, Activation.GELU,
                NormPlacement.POST, 0f, 0f, 1e-12f));
        assertEquals("hidden size 6 is not divisible by the number of heads 4", error.getMessage());
    }
}
