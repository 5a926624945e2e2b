package org.scale4j.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.api.objective.ObjectiveOutput;

/** CLIP-style InfoNCE against a plain-Java double computation. */
class PairwiseInfoNceObjectiveTest {

    private static final List<String> NAMES = List.of("a", "b");
    private static final int B = 4;
    private static final int P = 3;
    /** Sample 2 lacks b. */
    private static final float[] PRESENT = {1, 1, 1, 1, 1, 0, 1, 1};

    private final float[] feats = Outputs.gaussian(new Random(5), 2 * B * P, 0.5);

    static double reference(double[] f, double scale) {
        boolean[] valid = {true, true, false, true};
        double[][] a = new double[B][];
        double[][] b = new double[B][];
        for (int i = 0; i < B; i++) {
            a[i] = Ref.normalize(java.util.Arrays.copyOfRange(f, i * P, (i + 1) * P));
            b[i] = Ref.normalize(java.util.Arrays.copyOfRange(f, (B + i) * P, (B + i + 1) * P));
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < B; i++) {
            if (!valid[i]) {
                continue;
            }
            double[] row = new double[3];
            double[] column = new double[3];
            int k = 0;
            for (int j = 0; j < B; j++) {
                if (valid[j]) {
                    row[k] = scale * Ref.dot(a[i], b[j]);
                    column[k] = scale * Ref.dot(b[i], a[j]);
                    k++;
                }
            }
            double positive = scale * Ref.dot(a[i], b[i]);
            sum += (Ref.logSumExp(row) - positive + Ref.logSumExp(column) - positive) / 2;
            n++;
        }
        return sum / n;
    }

    private ObjectiveOutput run(NDManager m, PairwiseInfoNceObjective objective, NDArray[] inputs) {
        NDArray a = m.create(java.util.Arrays.copyOfRange(feats, 0, B * P), new Shape(B, P));
        NDArray b = m.create(java.util.Arrays.copyOfRange(feats, B * P, 2 * B * P), new Shape(B, P));
        if (inputs != null) {
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            inputs[0] = a;
            inputs[1] = b;
        }
        var output = Outputs.output(m, NAMES, PRESENT, Map.of("a", a, "b", b), null, Map.of(), null);
        return objective.compute(new ParameterStore(m, false), null, output, true);
    }

    @Test
    void lossMatchesReferenceAtTheInitialTemperature() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var objective = new PairwiseInfoNceObjective(0.07f, 100f, false, true);
            objective.initialize(m, DataType.FLOAT32);
            ObjectiveOutput out = run(m, objective, null);
            assertEquals(reference(Ref.vector(feats), 1 / 0.07), out.loss().getFloat(), 1e-5);
            assertEquals(0.07f, out.metrics().get("temperature").getFloat(), 1e-6);
        }
    }

    @Test
    void scaleIsClampedAtMaxScale() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var objective = new PairwiseInfoNceObjective(0.07f, 100f, false, true);
            objective.initialize(m, DataType.FLOAT32);
            // as if training had pushed the scale to 150: the forward pass clamps it at 100
            objective.getParameters().get(0).getValue().getArray().set(new float[] {(float) Math.log(150)});
            assertEquals(reference(Ref.vector(feats), 100), run(m, objective, null).loss().getFloat(), 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var objective = new PairwiseInfoNceObjective(0.5f, 100f, false, true);
            objective.initialize(m, DataType.FLOAT32);
            NDArray[] inputs = new NDArray[2];
            float[] grads;
            float scaleGrad;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.zeroGradients();
                collector.backward(run(m, objective, inputs).loss());
                grads = inputs[0].getGradient().concat(inputs[1].getGradient()).toFloatArray();
                scaleGrad = objective.getParameters().get(0).getValue().getArray().getGradient().getFloat();
            }
            double[] x = Ref.vector(feats);
            for (int k = 0; k < x.length; k++) {
                assertEquals(Ref.derivative(v -> reference(v, 2.0), x, k), grads[k], 1e-4, "feature " + k);
            }
            // d loss / d theta with scale = exp(theta): chain rule through the scale
            double[] theta = {Math.log(2.0)};
            double numeric = Ref.derivative(t -> reference(x, Math.exp(t[0])), theta, 0);
            assertEquals(numeric, scaleGrad, 1e-4, "d loss / d log-scale");
        }
    }
}
