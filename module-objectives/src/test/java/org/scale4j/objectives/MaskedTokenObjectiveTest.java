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

/** MLM/MEM against a plain-Java double computation of spec 2.8 (tied decoder, modality weights). */
class MaskedTokenObjectiveTest {

    private static final int B = 3;
    private static final int T = 4;
    private static final int H = 4;
    private static final int V = 7;
    /** Sample 1 lacks text: its labels must not count even if set. */
    private static final float[] PRESENT = {1, 0, 1};
    private static final long[] LABELS = {-1, 3, -1, 5, -1, 2, -1, -1, -1, 6, 1, -1};
    private static final float[] WEIGHTS = {0.7f, 0.4f, 1.3f};

    private final Random rng = new Random(9);
    private final float[] states = Outputs.gaussian(rng, B * T * H, 0.8);
    private final float[] embeddings = Outputs.gaussian(rng, V * H, 0.5);

    static float[] values(Block block, String suffix) {
        return block.getParameters().stream().filter(p -> p.getKey().endsWith(suffix)).findFirst().orElseThrow()
                .getValue().getArray().toFloatArray();
    }

    /** Reference: CE over labelled positions of present samples, logits = w_b·(LN(gelu(W h + b))·Eᵀ + bias). */
    static double reference(double[] h, double[] e, Block objective, String weighting) {
        double[][] w = Ref.matrix(values(objective, "dense_weight"), H, H);
        double[] b = Ref.vector(values(objective, "dense_bias"));
        double[] gamma = Ref.vector(values(objective, "norm_gamma"));
        double[] beta = Ref.vector(values(objective, "norm_beta"));
        double[] bias = Ref.vector(values(objective, "decoderBias"));
        double sum = 0;
        int n = 0;
        for (int s = 0; s < B; s++) {
            for (int t = 0; t < T; t++) {
                long label = LABELS[s * T + t];
                if (label < 0 || PRESENT[s] == 0) {
                    continue;
                }
                double[] x = java.util.Arrays.copyOfRange(h, (s * T + t) * H, (s * T + t + 1) * H);
                double[] y = Ref.linear(x, w, b);
                for (int i = 0; i < H; i++) {
                    y[i] = Ref.gelu(y[i]);
                }
                y = Ref.layerNorm(y, gamma, beta, 1e-12);
                double[] logits = new double[V];
                for (int v = 0; v < V; v++) {
                    double dot = 0;
                    for (int i = 0; i < H; i++) {
                        dot += y[i] * e[v * H + i];
                    }
                    logits[v] = (dot + bias[v]) * (weighting.equals("output") ? WEIGHTS[s] : 1);
                }
                double nll = Ref.logSumExp(logits) - logits[(int) label];
                sum += nll * (weighting.equals("loss") ? WEIGHTS[s] : 1);
                n++;
            }
        }
        return sum / n;
    }

    private MaskedTokenObjective objective(NDManager m, NDArray table, Weighting weighting) {
        var objective = Initialization.bert(new MaskedTokenObjective("mlm", "text",
                new MaskingRequest("text", MaskingRequest.TOKEN, 0.15, 0), weighting, H, V, (ps, device) -> table), 0.5f);
        Engine.getInstance().setRandomSeed(4);
        objective.initialize(m, DataType.FLOAT32);
        return objective;
    }

    private ObjectiveOutput run(NDManager m, MaskedTokenObjective objective, NDArray fused, long[] labels) {
        ModalityBatch text = new ModalityBatch("text", m.create(PRESENT), m.ones(new Shape(B, T)), Map.of(),
                Map.of(TensorKeys.LABELS, m.create(labels, new Shape(B, T))));
        float[] presence = PRESENT.clone();
        var output = Outputs.output(m, List.of("text"), presence, Map.of(),
                null, Map.of("text", new EncoderOutput(fused, m.ones(new Shape(B, T)))),
                m.create(WEIGHTS, new Shape(B, 1)));
        try (Batch batch = Outputs.batch(m, B, Map.of("text", text))) {
            return objective.compute(new ParameterStore(m, false), batch, output, true);
        }
    }

    @Test
    void lossMatchesReferenceForEachWeighting() {
        for (Weighting weighting : Weighting.values()) {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                NDArray table = m.create(embeddings, new Shape(V, H));
                var objective = objective(m, table, weighting);
                float loss = run(m, objective, m.create(states, new Shape(B, T, H)), LABELS).loss().getFloat();
                String name = weighting.name().toLowerCase(java.util.Locale.ROOT);
                assertEquals(reference(Ref.vector(states), Ref.vector(embeddings), objective, name), loss, 1e-5, name);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray table = m.create(embeddings, new Shape(V, H));
            table.setRequiresGradient(true);
            var objective = objective(m, table, Weighting.OUTPUT);
            NDArray fused = m.create(states, new Shape(B, T, H));
            fused.setRequiresGradient(true);
            float[] stateGrads;
            float[] tableGrads;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(run(m, objective, fused, LABELS).loss());
                stateGrads = fused.getGradient().toFloatArray();
                tableGrads = table.getGradient().toFloatArray();
            }
            double[] h = Ref.vector(states);
            double[] e = Ref.vector(embeddings);
            for (int k = 0; k < h.length; k++) {
                assertEquals(Ref.derivative(v -> reference(v, e, objective, "output"), h, k), stateGrads[k], 1e-4,
                        "state " + k);
            }
            for (int k = 0; k < e.length; k++) {
                assertEquals(Ref.derivative(v -> reference(h, v, objective, "output"), e, k), tableGrads[k], 1e-4,
                        "tied embedding " + k);
            }
        }
    }

    @Test
    void batchWithoutLabelsGivesZeroAndANote() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var objective = objective(m, m.create(embeddings, new Shape(V, H)), Weighting.OUTPUT);
            long[] none = new long[B * T];
            java.util.Arrays.fill(none, -1);
            ObjectiveOutput out = run(m, objective, m.create(states, new Shape(B, T, H)), none);
            assertEquals(0f, out.loss().getFloat(), 0f);
            assertEquals(List.of("mlm: no masked token of text in this batch"), out.skipped());
        }
    }

    @Test
    void unlabelledPositionsAndAbsentSamplesChangeNothing() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var objective = objective(m, m.create(embeddings, new Shape(V, H)), Weighting.OUTPUT);
            float[] changed = states.clone();
            for (int i = 0; i < H; i++) {
                changed[(0 * T + 0) * H + i] = 9f; // sample 0, unlabelled position 0
                changed[(1 * T + 1) * H + i] = -9f; // sample 1 is absent (its label 2 must not count)
            }
            float base = run(m, objective, m.create(states, new Shape(B, T, H)), LABELS).loss().getFloat();
            float other = run(m, objective, m.create(changed, new Shape(B, T, H)), LABELS).loss().getFloat();
            assertEquals(base, other, 0f);
        }
    }
}
