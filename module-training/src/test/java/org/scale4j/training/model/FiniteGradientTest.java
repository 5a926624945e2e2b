package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scale4j.api.batch.Batch;

/**
 * The whole model's gradients stay finite in the situation that made the quickstart run skip
 * steps (step 11 of a 70-step run: gradient norm NaN, pooler gradients of 5e35): a present
 * modality whose ReLU-pooled contrastive vector has collapsed to (almost) zero, in a batch with a
 * unimodal sample (sample 3: text only, so every pair of it is masked) and samples missing
 * modalities ({@link Fixtures#PRESENCE}).
 */
class FiniteGradientTest {

    private static final List<String> OBJECTIVES = List.of("simcl", "mlm", "mem", "mrm", "mfm", "mam");

    /** Sets {@code pooler_image} to weight 0 and the given bias, so every image vector is {@code ReLU(bias)}. */
    private static void collapseImagePooler(ScaleModel model, float bias) {
        for (var pair : model.getParameters()) {
            if (pair.getKey().contains("pooler_image")) {
                NDArray array = pair.getValue().getArray();
                array.set(new NDIndex("..."), pair.getKey().endsWith("bias") ? bias : 0f);
            }
        }
    }

    /** Loss, squared global gradient norm (float32, as the training loop computes it) and any non-finite parameter. */
    private static void assertFiniteStep(String harmonizer, float bias) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = ModelBuilder.build(Plans.tiny(harmonizer, "joint-co-transformer",
                    Configs.cross(1, 2), Map.of(), OBJECTIVES, Configs.objectives()));
            model.initialize(manager, 7);
            collapseImagePooler(model, bias);
            ParameterStore ps = new ParameterStore(manager, false);
            try (Batch batch = Fixtures.batch(manager, 8, 11)) {
                Map<String, float[]> grads;
                float loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    LossResult result = model.computeLoss(ps, batch, List.of(batch), true);
                    loss = result.total().getFloat();
                    collector.backward(result.total());
                    grads = MicroBatchEquivalenceTest.gradients(model, manager);
                }
                String where = harmonizer + ", image pooler bias " + bias;
                assertTrue(Float.isFinite(loss) && loss > 0, where + ": loss " + loss);
                float sumSquares = 0f;
                for (var entry : grads.entrySet()) {
                    for (float g : entry.getValue()) {
                        assertTrue(Float.isFinite(g), where + ": " + entry.getKey() + " has gradient " + g);
                        sumSquares += g * g;
                    }
                }
                assertTrue(Float.isFinite(sumSquares), where + ": squared gradient norm " + sumSquares);
            }
        }
    }

    @Test
    void nearlyDeadPooledVectorGivesFiniteGradients() {
        // ReLU(1e-9) passes the gradient: before the fix the harmonizer sent ~1e20 into this pooler
        assertFiniteStep("self-harmonized", 1e-9f);
        assertFiniteStep("self-harmonized", 1e-6f);
        assertFiniteStep("batch-harmonized", 1e-9f);
    }

    @Test
    void deadPooledVectorGivesFiniteGradients() {
        // ReLU(-1) = 0 exactly for every sample: the cosine row, SIMCL's normalisation at 0
        assertFiniteStep("self-harmonized", -1f);
        assertFiniteStep("uniform", -1f);
    }

    @Test
    void collapsedPooledVectorLeavesOtherModalitiesWeightsWellDefined() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = ModelBuilder.build(Plans.tiny("self-harmonized", "joint-co-transformer",
                    Configs.cross(1, 2), Map.of(), OBJECTIVES, Configs.objectives()));
            model.initialize(manager, 7);
            collapseImagePooler(model, -1f);
            try (Batch batch = Fixtures.batch(manager, 8, 11)) {
                LossResult result = model.computeLoss(new ParameterStore(manager, false), batch, List.of(batch), false);
                // the image vector is 0: orthogonal to every other, so its contrastive pair weights are 0
                // and its own row of the graph is [0, 1, 0, 0, 0] (self-similarity 1)
                assertEquals(0.0, result.weights().get("pair/image-text"), 1e-6);
                assertEquals(0.0, result.weights().get("pair/audio-image"), 1e-6);
                for (var entry : result.weights().entrySet()) {
                    assertTrue(Double.isFinite(entry.getValue()), entry.toString());
                }
            }
        }
    }
}
