package org.scale4j.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.objective.ObjectiveOutput;

/** MRM/MFM/MAM regression against a plain-Java double computation of spec 2.8. */
class MaskedFeatureObjectiveTest {

    private static final int B = 3;
    private static final int T = 4;
    private static final int H = 4;
    private static final int D = 3;
    private static final float[] PRESENT = {1, 1, 0};
    /** Position 0 is the global token and never masked; sample 2 is absent. */
    private static final float[] MASKED = {0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0};
    private static final float[] WEIGHTS = {0.6f, 1.2f, 0.9f};

    private final Random rng = new Random(12);
    private final float[] states = Outputs.gaussian(rng, B * T * H, 0.8);
    private final float[] targets = Outputs.gaussian(rng, B * T * D, 0.5);

    static double reference(double[] h, float[] target, Block objective, String weighting) {
        double[][] w = Ref.matrix(MaskedTokenObjectiveTest.values(objective, "dense_weight"), H, H);
        double[] b = Ref.vector(MaskedTokenObjectiveTest.values(objective, "dense_bias"));
        double[] gamma = Ref.vector(MaskedTokenObjectiveTest.values(objective, "norm_gamma"));
        double[] beta = Ref.vector(MaskedTokenObjectiveTest.values(objective, "norm_beta"));
        double[][] wo = Ref.matrix(MaskedTokenObjectiveTest.values(objective, "output_weight"), D, H);
        double[] bo = Ref.vector(MaskedTokenObjectiveTest.values(objective, "output_bias"));
        double sum = 0;
        int n = 0;
        for (int s = 0; s < B; s++) {
            for (int t = 0; t < T; t++) {
                if (MASKED[s * T + t] == 0 || PRESENT[s] == 0) {
                    continue;
                }
                double[] y = Ref.linear(java.util.Arrays.copyOfRange(h, (s * T + t) * H, (s * T + t + 1) * H), w, b);
                for (int i = 0; i < H; i++) {
                    y[i] = Ref.gelu(y[i]);
                }
                double[] p = Ref.linear(Ref.layerNorm(y, gamma, beta, 1e-12), wo, bo);
                double squared = 0;
                for (int d = 0; d < D; d++) {
                    double pred = p[d] * (weighting.equals("output") ? WEIGHTS[s] : 1);
                    double diff = pred - target[(s * T + t) * D + d];
                    squared += diff * diff;
                }
                sum += squared * (weighting.equals("loss") ? WEIGHTS[s] : 1);
                n++;
            }
        }
        return sum / n;
    }

    private MaskedFeatureObjective objective(NDManager m, Weighting weighting) {
        var objective = Initialization.bert(new MaskedFeatureObjective("mrm", "image",
                new MaskingRequest("image", MaskingRequest.ZERO, 0.15, 0.1), weighting, H, D), 0.5f);
        Engine.getInstance().setRandomSeed(6);
        objective.initialize(m, DataType.FLOAT32);
        return objective;
    }

    private ObjectiveOutput run(NDManager m, MaskedFeatureObjective objective, NDArray fused, float[] masked) {
        ModalityBatch image = new ModalityBatch("image", m.create(PRESENT), m.ones(new Shape(B, T)), Map.of(),
                Map.of(TensorKeys.TARGET, m.create(targets, new Shape(B, T, D)),
                        TensorKeys.MASKED, m.create(masked, new Shape(B, T))));
        var output = Outputs.output(m, List.of("image"), PRESENT.clone(), Map.of(), null,
                Map.of("image", new EncoderOutput(fused, m.ones(new Shape(B, T)))), m.create(WEIGHTS, new Shape(B, 1)));
        try (Batch batch = Outputs.batch(m, B, Map.of("image", image))) {
            return objective.compute(new ParameterStore(m, false), batch, output, true);
        }
    }

    @Test
    void lossMatchesReferenceForEachWeighting() {
        for (Weighting weighting : Weighting.values()) {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                var objective = objective(m, weighting);
                float loss = run(m, objective, m.create(states, new Shape(B, T, H)), MASKED).loss().getFloat();
                String name = weighting.name().toLowerCase(java.util.Locale.ROOT);
                assertEquals(reference(Ref.vector(states), targets, objective, name), loss, 1e-5, name);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var objective = objective(m, Weighting.OUTPUT);
            NDArray fused = m.create(states, new Shape(B, T, H));
            fused.setRequiresGradient(true);
            float[] grads;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(run(m, objective, fused, MASKED).loss());
                grads = fused.getGradient().toFloatArray();
            }
            double[] h = Ref.vector(states);
            for (int k = 0; k < h.length; k++) {
                assertEquals(Ref.derivative(v -> reference(v, targets, objective, "output"), h, k), grads[k], 1e-4,
                        "state " + k);
            }
        }
    }

    @Test
    void batchWithoutMaskedPositionsGivesZeroAndANote() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            ObjectiveOutput out = run(m, objective(m, Weighting.OUTPUT), m.create(states, new Shape(B, T, H)),
                    new float[B * T]);
            assertEquals(0f, out.loss().getFloat(), 0f);
            assertEquals(List.of("mrm: no masked position of image in this batch"), out.skipped());
        }
    }
}
