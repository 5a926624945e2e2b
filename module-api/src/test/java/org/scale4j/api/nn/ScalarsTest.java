package org.scale4j.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Gradients do not depend on when the JVM collects garbage. DJL's {@code mul(Number)} closes the
 * scalar tensor PyTorch keeps for the backward pass; after a GC its memory is freed and reused,
 * and the backward multiplied by garbage (the quickstart's NaN gradient norms). Each case runs the
 * backward once directly and once after a GC plus a churn of freshly written native buffers, and
 * requires bit-identical gradients.
 */
class ScalarsTest {

    /** Collects garbage, then writes many small direct buffers so freed memory gets reused. */
    private static void collectAndChurn(NDManager manager) {
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (NDManager scratch = manager.newSubManager()) {
                for (int i = 0; i < 2000; i++) {
                    scratch.create(new float[] {Float.NaN, 1e30f, -7f, Float.NaN}).close();
                }
            }
        }
    }

    private static float[] gradient(Function<NDArray, NDArray> f, float[] input, boolean churn) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.create(input, new Shape(2, 3, 8));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                if (churn) {
                    collectAndChurn(manager);
                }
                collector.backward(y);
                return x.getGradient().toFloatArray();
            }
        }
    }

    private static void assertGcIndependent(String what, Function<NDArray, NDArray> f) {
        Random rng = new Random(17);
        float[] input = new float[2 * 3 * 8];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) rng.nextGaussian();
        }
        assertArrayEquals(gradient(f, input, false), gradient(f, input, true), 0f, what);
    }

    @Test
    void scalarHelpersKeepTheirOperandForTheBackwardPass() {
        assertGcIndependent("mul", x -> Scalars.mul(x, 3f).square());
        assertGcIndependent("div", x -> Scalars.div(x, 0.07f).square());
        assertGcIndependent("maximum", x -> Scalars.maximum(x, 0.1f).square());
        assertGcIndependent("minimum", x -> Scalars.minimum(x, 0.1f).square());
    }

    @Test
    void quickGeluAndAttentionGradientsDoNotDependOnGarbageCollection() {
        assertGcIndependent("quick-gelu", x -> Activation.QUICK_GELU.apply(x));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TransformerLayer layer = new TransformerLayer(new LayerSpec(8, 2, 16, Activation.QUICK_GELU,
                    NormPlacement.PRE, 0f, 0f, 1e-5f));
            layer.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray offset = manager.zeros(new Shape(2, 1, 1, 3));
            assertGcIndependent("attention", x -> layer.forward(ps, x, offset, true));
        }
    }
}
