package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.plugin.NoConfig;
import org.scale4j.objectives.config.InfoNceConfig;

/** The assembled model: masks end to end, switching parts by name, masking requests, reports, errors. */
class ScaleModelTest {

    private static final List<String> ALL = List.of("simcl", "mlm", "mem", "mrm", "mfm", "mam");

    private static ScaleModel model(String harmonizer, String fusion, Record fusionConfig, List<String> objectives) {
        Map<String, Record> configs = new java.util.HashMap<>(Configs.objectives());
        configs.put("pairwise-infonce", InfoNceConfig.defaults());
        return ModelBuilder.build(Plans.tiny(harmonizer, fusion, fusionConfig, Map.of(), objectives, configs));
    }

    @Test
    void paddedTokensAndMissingModalitiesChangeNoOutputAndNoLoss() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = model("self-harmonized", "joint-co-transformer", Configs.cross(2, 2), ALL);
            model.initialize(manager, 3);
            ParameterStore ps = new ParameterStore(manager, false);
            try (Batch batch = Fixtures.batch(manager, 8, 5); Batch noisy = Fixtures.garbageWhereMasked(batch, manager, 9)) {
                LossResult clean = model.computeLoss(ps, batch, List.of(batch), false);
                LossResult garbage = model.computeLoss(ps, noisy, List.of(noisy), false);
                assertEquals(clean.total().getFloat(), garbage.total().getFloat(), 0f);
                clean.losses().forEach((k, v) -> assertEquals(v.getFloat(), garbage.losses().get(k).getFloat(), 0f, k));
                EvalFeatures a = model.forwardEval(ps, batch);
                EvalFeatures b = model.forwardEval(ps, noisy);
                for (String name : a.modalities()) {
                    assertArrayEquals(a.fusedSummaries().get(name).toFloatArray(),
                            b.fusedSummaries().get(name).toFloatArray(), 0f, name);
                }
            }
        }
    }

    @Test
    void droppedFeatureRowsAreZeroedBeforeTheEncoders() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = model("self-harmonized", "joint-co-transformer", Configs.cross(2, 2), ALL);
            model.initialize(manager, 3);
            ParameterStore ps = new ParameterStore(manager, false);
            try (Batch batch = Fixtures.batch(manager, 8, 5); Batch byHand = Fixtures.zeroedByHand(batch, manager)) {
                LossResult formed = model.computeLoss(ps, batch, List.of(batch), false);
                LossResult given = model.computeLoss(ps, byHand, List.of(byHand), false);
                assertEquals(given.total().getFloat(), formed.total().getFloat(), 0f);
                given.losses().forEach((k, v) -> assertEquals(v.getFloat(), formed.losses().get(k).getFloat(), 0f, k));
            }
        }
    }

    @Test
    void everyHarmonizerAndFusionCanBeChosenByName() {
        Map<String, Record> fusionConfigs = Map.of("joint-co-transformer", Configs.cross(1, 2), "mean-pool",
                new NoConfig(), "concat-project", new NoConfig(), "late-sum", new NoConfig());
        List<List<String>> choices = List.of(List.of("self-harmonized", "joint-co-transformer"),
                List.of("batch-harmonized", "mean-pool"), List.of("uniform", "concat-project"),
                List.of("self-harmonized", "late-sum"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (List<String> choice : choices) {
                String harmonizer = choice.get(0);
                for (var fusion : Map.of(choice.get(1), fusionConfigs.get(choice.get(1))).entrySet()) {
                    ScaleModel model = model(harmonizer, fusion.getKey(), fusion.getValue(),
                            List.of("pairwise-infonce", "simcl", "mlm", "mrm"));
                    model.initialize(manager, 1);
                    try (Batch batch = Fixtures.batch(manager, 8, 2)) {
                        LossResult result = model.computeLoss(new ParameterStore(manager, false), batch,
                                BatchShards.split(batch, 2), true);
                        float total = result.total().getFloat();
                        String where = harmonizer + " + " + fusion.getKey();
                        assertTrue(Float.isFinite(total) && total > 0, where + ": " + total);
                        assertEquals(List.of("pairwise-infonce", "simcl", "mlm", "mrm"), model.objectiveKeys());
                        assertTrue(result.metrics().containsKey("simcl/acc/image-text"), result.metrics().keySet().toString());
                        assertTrue(result.weights().containsKey("weight/text"), where);
                    }
                }
            }
        }
    }

    @Test
    void objectivesRequestTheirMasking() {
        ScaleModel model = model("self-harmonized", "mean-pool", new NoConfig(), ALL);
        assertEquals(List.of(
                new MaskingRequest("text", MaskingRequest.TOKEN, 0.15, 0),
                new MaskingRequest("table", MaskingRequest.ENTITY, 0.15, 0),
                new MaskingRequest("image", MaskingRequest.ZERO, 0.15, 0.1),
                new MaskingRequest("video", MaskingRequest.ZERO, 0.15, 0),
                new MaskingRequest("audio", MaskingRequest.ZERO, 0.15, 0)), model.masking());
    }

    @Test
    void parameterReportCountsSharedWeightsOnce() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Map<String, Record> configs = Configs.objectives();
            ScaleModel plain = ModelBuilder.build(Plans.tiny("uniform", "mean-pool", new NoConfig(), Map.of(), ALL, configs));
            ScaleModel shared = ModelBuilder.build(Plans.tiny("uniform", "mean-pool", new NoConfig(),
                    Map.of("table", "text", "video", "image"), ALL, configs));
            plain.initialize(manager, 1);
            shared.initialize(manager, 1);
            ParameterReport a = plain.parameterReport();
            ParameterReport b = shared.parameterReport();
            assertEquals(a.parts().values().stream().mapToLong(Long::longValue).sum(), a.total());
            assertEquals(b.parts().values().stream().mapToLong(Long::longValue).sum(), b.total());
            long layers = a.parts().get("encoder/image") - (6 * 8 + 8) - (5 * 8 + 8) - 2 * 8;
            // the shared text encoder grows from 6 to 8 positions to fit the table
            assertEquals(a.total() - a.parts().get("encoder/table") - layers + (8 - 6) * 8, b.total());
            assertEquals(Map.of("table", "text", "video", "image"), b.shared());
            assertTrue(b.format().contains("shared with text"), b.format());
        }
    }

    @Test
    void savedParametersLoadIntoAFreshModel() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel original = model("self-harmonized", "joint-co-transformer", Configs.cross(1, 2), ALL);
            original.initialize(manager, 1);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            original.saveParameters(new java.io.DataOutputStream(bytes));
            ScaleModel restored = model("self-harmonized", "joint-co-transformer", Configs.cross(1, 2), ALL);
            restored.initialize(manager, 2);
            ParameterStore ps = new ParameterStore(manager, false);
            try (Batch batch = Fixtures.batch(manager, 8, 4)) {
                float before = restored.computeLoss(ps, batch, List.of(batch), false).total().getFloat();
                restored.loadParameters(manager, new java.io.DataInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray())));
                float expected = original.computeLoss(ps, batch, List.of(batch), false).total().getFloat();
                // a ParameterStore caches parameter arrays: loading replaces them, so use a fresh store
                ParameterStore fresh = new ParameterStore(manager, false);
                float after = restored.computeLoss(fresh, batch, List.of(batch), false).total().getFloat();
                assertTrue(Math.abs(before - expected) > 1e-4, "different seeds give different models");
                assertEquals(expected, after, 0f);
            }
        }
    }

    @Test
    void planProblemsAreReportedTogether() {
        var plan = Plans.tiny("uniform", "mean-pool", new NoConfig(), Map.of("table", "txt", "video", "video"),
                List.of("simcl"), Configs.objectives());
        var error = assertThrows(IllegalArgumentException.class, () -> ModelBuilder.build(plan));
        assertEquals("the model recipe has 2 problem(s):\n"
                + "  model.share.table: both 'table' and 'txt' must be modalities of [audio, image, table, text, video]\n"
                + "  model.share.video: a modality cannot share with itself", error.getMessage());
    }
}
