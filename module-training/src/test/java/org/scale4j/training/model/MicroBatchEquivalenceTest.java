package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scale4j.training.loop.Gradients;
import org.scale4j.training.loop.TrainableParameters;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.TensorKeys;

/** The full batch and 2 or 4 micro-batches give the same loss and gradients (dropout 0). */
class MicroBatchEquivalenceTest {

    private static final List<String> OBJECTIVES = List.of("simcl", "mlm", "mem", "mrm", "mfm", "mam");

    @Test
    void oneTwoAndFourShardsAgree() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = ModelBuilder.build(Plans.tiny("self-harmonized", "joint-co-transformer",
                    Configs.cross(1, 2), Map.of(), OBJECTIVES, Configs.objectives()));
            model.initialize(manager, 7);
            ParameterStore ps = new ParameterStore(manager, false);
            Map<String, float[]> reference = null;
            float referenceLoss = 0;
            for (int shards : new int[] {1, 2, 4}) {
                try (Batch batch = Fixtures.batch(manager, 8, 11)) {
                    List<Batch> parts = shards == 1 ? List.of(batch) : BatchShards.split(batch, shards);
                    for (Batch part : parts) {
                        var image = part.modality("image");
                        assertSame(image.input(TensorKeys.FEATS), image.target(TensorKeys.TARGET),
                                "a tensor under two keys is sliced once");
                    }
                    float loss;
                    Map<String, float[]> grads;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        LossResult result = model.computeLoss(ps, batch, parts, true);
                        loss = result.total().getFloat();
                        collector.backward(result.total());
                        grads = gradients(model, manager);
                    }
                    // Backward adds into the gradients; clear this model's (and only this model's:
                    // GradientCollector.zeroGradients walks every array the engine ever tracked).
                    try (NDManager scratch = manager.newSubManager()) {
                        Gradients.zero(TrainableParameters.of(model), scratch);
                    }
                    assertTrue(Float.isFinite(loss), "loss " + loss);
                    long trained = grads.values().stream()
                            .filter(g -> java.util.stream.IntStream.range(0, g.length).anyMatch(i -> g[i] != 0)).count();
                    assertEquals(grads.size(), trained, "every parameter gets a gradient");
                    if (reference == null) {
                        reference = grads;
                        referenceLoss = loss;
                        assertTrue(loss > 0);
                    } else {
                        assertEquals(referenceLoss, loss, 1e-5 * Math.max(1, Math.abs(referenceLoss)), shards + " shards");
                        for (var entry : reference.entrySet()) {
                            float[] expected = entry.getValue();
                            float[] actual = grads.get(entry.getKey());
                            for (int i = 0; i < expected.length; i++) {
                                assertEquals(expected[i], actual[i], 1e-5, shards + " shards, " + entry.getKey() + "[" + i + "]");
                            }
                        }
                    }
                }
            }
        }
    }

    /** A host copy of every parameter's gradient (the gradient handles are freed at once: pitfall 6). */
    static Map<String, float[]> gradients(ScaleModel model, NDManager manager) {
        Map<String, float[]> grads = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (var pair : model.getParameters()) {
            Parameter parameter = pair.getValue();
            if (grads.containsKey(parameter.getId())) {
                continue;
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray grad = parameter.getArray().getGradient();
                grad.attach(scope);
                grads.put(pair.getKey(), grad.toFloatArray());
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
        return grads;
    }
}
