package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scale4j.api.batch.Batch;
import org.scale4j.training.loop.Gradients;
import org.scale4j.training.loop.TrainableParameters;
import org.scale4j.training.optim.AdamW;
import org.scale4j.training.optim.AdamWConfig;
import org.scale4j.training.parallel.ReplicaSet;

/**
 * Data parallelism over 2 and 3 replicas (all on the CPU: the same code path as GPUs) gives the
 * loss and gradients of one device, with global-batch contrastive negatives; after an update every
 * replica holds the primary's parameters.
 */
class DataParallelEquivalenceTest {

    private static final List<String> OBJECTIVES = List.of("simcl", "mlm", "mem", "mrm", "mfm", "mam");

    /** The loss, the simcl loss and the primary's gradients after backward and reduction. */
    private record Outcome(float loss, float simcl, Map<String, float[]> gradients) {
    }

    private static ScaleModel model(NDManager manager) {
        ScaleModel model = ModelBuilder.build(Plans.tiny("self-harmonized", "joint-co-transformer",
                Configs.cross(1, 2), Map.of(), OBJECTIVES, Configs.objectives()));
        model.initialize(manager, 7);
        return model;
    }

    private static Outcome step(ScaleModel model, NDManager manager, ReplicaSet replicas, int microBatches) {
        Outcome outcome;
        try (Batch batch = Fixtures.batch(manager, 8, 11); NDManager scratch = manager.newSubManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                LossResult result = model.computeLoss(replicas, batch, microBatches, true);
                result.backward(collector, result.total());
                outcome = new Outcome(result.total().getFloat(), result.losses().get("simcl").getFloat(), null);
            }
            replicas.reduceGradients(scratch);
        }
        return new Outcome(outcome.loss(), outcome.simcl(), MicroBatchEquivalenceTest.gradients(model, manager));
    }

    private static void clearGradients(ScaleModel model, NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            Gradients.zero(TrainableParameters.of(model), scratch);
        }
    }

    @Test
    void twoAndThreeReplicasGiveTheLossAndGradientsOfOneDevice() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = model(manager);
            Outcome reference;
            try (ReplicaSet one = ReplicaSet.single(manager)) {
                reference = step(model, manager, one, 1);
            }
            clearGradients(model, manager);
            assertTrue(reference.loss() > 0 && Float.isFinite(reference.loss()), "loss " + reference.loss());
            for (int[] setup : new int[][] {{2, 1}, {3, 1}, {2, 2}}) {
                int replicaCount = setup[0];
                String label = replicaCount + " replicas x " + setup[1] + " micro-batches";
                try (ReplicaSet replicas = ReplicaSet.create(manager,
                        Collections.nCopies(replicaCount, Device.cpu()))) {
                    Outcome outcome = step(model, manager, replicas, setup[1]);
                    clearGradients(model, manager);
                    assertEquals(reference.loss(), outcome.loss(), 1e-5 * Math.max(1, reference.loss()), label);
                    assertEquals(reference.simcl(), outcome.simcl(), 1e-5, label);
                    for (var entry : reference.gradients().entrySet()) {
                        assertArrayEquals(entry.getValue(), outcome.gradients().get(entry.getKey()), 1e-5f,
                                label + ", " + entry.getKey());
                    }
                    for (int r = 1; r < replicaCount; r++) {
                        assertReadsItsCopies(model, replicas.replicated(r), label + ", replica " + r);
                    }
                }
            }
        }
    }

    /**
     * Every encoder, pooler and fusion parameter was read from the replica's store (a block that
     * reached past it would train the primary directly and this copy would not exist).
     */
    private static void assertReadsItsCopies(ScaleModel model, List<Parameter> replicated, String label) {
        Set<String> copied = replicated.stream().map(Parameter::getId).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (var pair : model.getParameters()) {
            String name = pair.getKey();
            boolean phaseOne = name.contains("encoder_") || name.contains("pooler_") || name.contains("fusion");
            if (phaseOne && !copied.contains(pair.getValue().getId())) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), label + " did not read " + missing);
        assertTrue(replicated.size() > 20, label + ": " + replicated.size() + " copies");
    }

    @Test
    void contrastiveNegativesSpanTheGlobalBatch() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = model(manager);
            float global;
            float meanOfHalves = 0;
            try (ReplicaSet replicas = ReplicaSet.create(manager, List.of(Device.cpu(), Device.cpu()))) {
                global = step(model, manager, replicas, 1).simcl();
            }
            clearGradients(model, manager);
            // each half as a batch of its own: only 3 negatives per positive instead of 7
            try (Batch batch = Fixtures.batch(manager, 8, 11)) {
                for (Batch half : BatchShards.split(batch, 2)) {
                    LossResult result = model.computeLoss(ReplicaSet.single(manager).store(0), half, List.of(half),
                            false);
                    meanOfHalves += result.losses().get("simcl").getFloat() / 2;
                }
            }
            float unsharded;
            try (Batch batch = Fixtures.batch(manager, 8, 11)) {
                unsharded = model.computeLoss(ReplicaSet.single(manager).store(0), batch, List.of(batch), false)
                        .losses().get("simcl").getFloat();
            }
            assertEquals(unsharded, global, 1e-5);
            assertTrue(Math.abs(global - meanOfHalves) > 0.05,
                    "global-batch simcl " + global + " vs mean of per-device losses " + meanOfHalves);
        }
    }

    @Test
    void afterAnUpdateEveryReplicaHoldsThePrimaryParameters() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = model(manager);
            List<Parameter> parameters = TrainableParameters.of(model);
            AdamW optimizer = new AdamW(new AdamWConfig(0.9, 0.999, 1e-8, 0.01, true), parameters, manager);
            try (ReplicaSet replicas = ReplicaSet.create(manager, List.of(Device.cpu(), Device.cpu(), Device.cpu()))) {
                step(model, manager, replicas, 1);
                float[] before = host(parameters.get(0).getArray(), manager);
                try (NDManager scratch = manager.newSubManager()) {
                    optimizer.step(1e-2, scratch);
                    replicas.refresh(scratch);
                }
                assertTrue(!java.util.Arrays.equals(before, host(parameters.get(0).getArray(), manager)),
                        "the update changed the parameters");
                for (int r = 1; r < replicas.size(); r++) {
                    for (Parameter p : replicas.replicated(r)) {
                        NDArray copy = replicas.store(r).getValue(p, Device.cpu(), true);
                        assertArrayEquals(host(p.getArray(), manager), host(copy, manager), 0f,
                                "replica " + r + ", " + p.getName());
                    }
                }
            }
        }
    }

    /** A host copy of a long-lived array, freeing the temporaries at once (pitfall 6). */
    private static float[] host(NDArray array, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray alias = array.stopGradient();
            alias.attach(scope);
            return alias.toFloatArray();
        }
    }
}
