package org.scale4j.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWTest {

    /** Loss = sum(c * w) + sum(d * b^2): gradients c and 2 d b are easy to mirror in plain Java. */
    private static void backward(NDManager manager, Parameter w, Parameter b, float[] c, float[] d) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = w.getArray().mul(manager.create(c, new Shape(2, 2))).sum()
                    .add(b.getArray().square().mul(manager.create(d)).sum());
            collector.backward(loss);
        }
    }

    private static Parameter parameter(NDManager manager, String name, Parameter.Type type, float[] values, Shape shape) {
        Parameter parameter = Parameter.builder().setName(name).setType(type).build();
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        parameter.setArray(array);
        return parameter;
    }

    @Test
    void matchesDoublePrecisionReferenceWithDecayOnlyOnWeights() {
        float[] c = {0.5f, -1.0f, 2.0f, 0.25f};
        float[] d = {1.5f, -0.5f};
        double[] w = {0.1, -0.2, 0.3, 0.4};
        double[] b = {0.05, -0.07};
        AdamWConfig config = new AdamWConfig(0.9, 0.99, 1e-8, 0.1, true);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter pw = parameter(manager, "w", Parameter.Type.WEIGHT, toFloat(w), new Shape(2, 2));
            Parameter pb = parameter(manager, "b", Parameter.Type.BIAS, toFloat(b), new Shape(2));
            AdamW adam = new AdamW(config, List.of(pw, pb), manager);
            double[] mw = new double[4], vw = new double[4], mb = new double[2], vb = new double[2];
            double[] lrs = {0.01, 0.02, 0.005};
            for (int t = 1; t <= 3; t++) {
                backward(manager, pw, pb, c, d);
                try (NDManager scratch = manager.newSubManager()) {
                    adam.step(lrs[t - 1], scratch);
                }
                double[] gw = new double[4];
                double[] gb = new double[2];
                for (int i = 0; i < 4; i++) gw[i] = c[i];
                for (int i = 0; i < 2; i++) gb[i] = 2 * d[i] * b[i];
                reference(w, gw, mw, vw, t, lrs[t - 1], config, true);
                reference(b, gb, mb, vb, t, lrs[t - 1], config, false);
            }
            assertArrayEquals(toFloat(w), pw.getArray().toFloatArray(), 1e-6f);
            assertArrayEquals(toFloat(b), pb.getArray().toFloatArray(), 1e-6f);
            assertEquals(3, adam.updates());
            assertArrayEquals(new float[4], pw.getArray().getGradient().toFloatArray(), 0f, "gradients zeroed");
        }
    }

    private static void reference(double[] p, double[] g, double[] m, double[] v, int t, double lr, AdamWConfig c,
            boolean decay) {
        for (int i = 0; i < p.length; i++) {
            m[i] = c.beta1() * m[i] + (1 - c.beta1()) * g[i];
            v[i] = c.beta2() * v[i] + (1 - c.beta2()) * g[i] * g[i];
            double mHat = m[i] / (1 - Math.pow(c.beta1(), t));
            double vHat = v[i] / (1 - Math.pow(c.beta2(), t));
            double update = mHat / (Math.sqrt(vHat) + c.epsilon()) + (decay ? c.weightDecay() * p[i] : 0);
            p[i] -= lr * update;
        }
    }

    @Test
    void savedStateResumesBitForBit() {
        float[] c = {0.5f, -1.0f, 2.0f, 0.25f};
        float[] d = {1.5f, -0.5f};
        float[] w0 = {0.1f, -0.2f, 0.3f, 0.4f};
        float[] b0 = {0.05f, -0.07f};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // Uninterrupted: 4 steps.
            Parameter w = parameter(manager, "w", Parameter.Type.WEIGHT, w0, new Shape(2, 2));
            Parameter b = parameter(manager, "b", Parameter.Type.BIAS, b0, new Shape(2));
            AdamW straight = new AdamW(AdamWConfig.adamW(0.01), List.of(w, b), manager);
            for (int t = 0; t < 4; t++) {
                backward(manager, w, b, c, d);
                straight.step(0.01, manager.newSubManager());
            }
            // Interrupted after 2 steps, state carried over into a fresh optimizer.
            Parameter w2 = parameter(manager, "w", Parameter.Type.WEIGHT, w0, new Shape(2, 2));
            Parameter b2 = parameter(manager, "b", Parameter.Type.BIAS, b0, new Shape(2));
            AdamW first = new AdamW(AdamWConfig.adamW(0.01), List.of(w2, b2), manager);
            for (int t = 0; t < 2; t++) {
                backward(manager, w2, b2, c, d);
                first.step(0.01, manager.newSubManager());
            }
            Map<String, byte[]> state = first.saveState();
            AdamW resumed = new AdamW(AdamWConfig.adamW(0.01), List.of(w2, b2), manager);
            resumed.loadState(state);
            for (int t = 0; t < 2; t++) {
                backward(manager, w2, b2, c, d);
                resumed.step(0.01, manager.newSubManager());
            }
            assertArrayEquals(w.getArray().toFloatArray(), w2.getArray().toFloatArray(), 0f);
            assertArrayEquals(b.getArray().toFloatArray(), b2.getArray().toFloatArray(), 0f);
            assertEquals(4, resumed.updates());
        }
    }

    @Test
    void stepsOnAThreadWhoseGradModeIsOn() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter w = parameter(manager, "w", Parameter.Type.WEIGHT, new float[] {1, 2, 3, 4}, new Shape(2, 2));
            Parameter b = parameter(manager, "b", Parameter.Type.BIAS, new float[] {1, 2}, new Shape(2));
            backward(manager, w, b, new float[] {1, 1, 1, 1}, new float[] {1, 1});
            AdamW adam = new AdamW(AdamWConfig.adamW(0.0), List.of(w, b), manager);
            // PyTorch's grad mode is per thread and on by default; DJL turns it off only in the
            // thread that started the engine. A fresh thread therefore has it on.
            Throwable[] failure = {null};
            Thread thread = new Thread(() -> {
                try {
                    adam.step(0.1, manager.newSubManager());
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            thread.start();
            thread.join();
            if (failure[0] != null) {
                throw new AssertionError("step failed on a fresh thread", failure[0]);
            }
            // Adam's first step moves every weight by lr * sign(gradient) (bias-corrected, eps aside).
            assertArrayEquals(new float[] {0.9f, 1.9f, 2.9f, 3.9f}, w.getArray().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void rejectsStateOfAnotherModel() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter w = parameter(manager, "w", Parameter.Type.WEIGHT, new float[] {1, 2, 3, 4}, new Shape(2, 2));
            Parameter other = parameter(manager, "v", Parameter.Type.WEIGHT, new float[] {1, 2, 3, 4}, new Shape(2, 2));
            Map<String, byte[]> state = new AdamW(AdamWConfig.adamW(0), List.of(w), manager).saveState();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AdamW(AdamWConfig.adamW(0), List.of(other), manager).loadState(state));
            assertEquals("optimizer state lists parameter 'w' where the model has 'v'", e.getMessage());
        }
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (float) values[i];
        return out;
    }
}
