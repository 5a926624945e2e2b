package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.training.StepMetrics;
import org.scale4j.api.training.TrainingListener;
import org.scale4j.training.checkpoint.CheckpointStore;
import org.scale4j.training.checkpoint.TrainingCheckpoint;
import org.scale4j.training.loop.ProgressReporter;
import org.scale4j.training.loop.StopSignal;
import org.scale4j.training.loop.Trainer;
import org.scale4j.training.loop.TrainerSettings;
import org.scale4j.training.loop.TrainableParameters;
import org.scale4j.training.optim.AdamW;
import org.scale4j.training.optim.AdamWConfig;
import org.scale4j.training.optim.LearningRateSchedule;
import org.scale4j.training.session.ScaleTrainable;

/**
 * The training loop on two CPU replicas ends with the parameters of the one-device run, saves
 * them as its checkpoint, resumes from it like an uninterrupted run, and keeps no array per step
 * (djl-notes pitfall 6).
 */
class DataParallelTrainerTest {

    private static final int STEPS = 3;

    /** Seeded fixture batches of 8, one new seed per batch. */
    private static final class FixtureStream implements BatchStream {
        private long served;

        FixtureStream(long start) {
            this.served = start;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Batch next(NDManager parent) {
            return Fixtures.batch(parent, 8, 100 + served++);
        }

        @Override
        public DataPosition position() {
            return new DataPosition(0, served);
        }

        @Override
        public void close() {
        }
    }

    /** The trained parameters and, per step, how many arrays the model's manager holds. */
    private record Run(Map<String, float[]> parameters, List<Integer> arrays, Path checkpoint) {
    }

    private static ScaleModel model(NDManager manager) {
        ScaleModel model = ModelBuilder.build(Plans.tiny("self-harmonized", "joint-co-transformer",
                Configs.cross(1, 2), Map.of(), List.of("simcl", "mlm", "mrm"), Configs.objectives()));
        model.initialize(manager, 3);
        return model;
    }

    /** Trains to step {@code stopAfter} (a checkpoint there), from checkpoint {@code resume} when not null. */
    private static Run train(List<Device> devices, Path dir, long stopAfter, Path resume) throws IOException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = model(manager);
            // eps 1e-6: Adam divides by sqrt(v)+eps, which would blow float noise in near-zero
            // gradients (summed in another order on two replicas) up to a full-size update
            AdamW optimizer = new AdamW(new AdamWConfig(0.9, 0.999, 1e-6, 0.01, true), TrainableParameters.of(model),
                    manager);
            TrainingCheckpoint.Position start = new TrainingCheckpoint.Position(0, DataPosition.START, 0);
            if (resume != null) {
                start = TrainingCheckpoint.restore(resume, model, manager, List.of(optimizer), w -> { });
            }
            CheckpointStore checkpoints = new CheckpointStore(dir, 1, w -> { });
            List<Integer> arrays = new ArrayList<>();
            Trainer.Builder trainer = Trainer.builder()
                    .setSettings(new TrainerSettings(stopAfter, 1, 1, 1.0, 0, stopAfter, 0, 0, 1000, 0, 5))
                    .setModel(new ScaleTrainable(model))
                    .setOptimizer(optimizer)
                    .setSchedule(new LearningRateSchedule(1e-3, 1, STEPS + 1, LearningRateSchedule.Decay.LINEAR))
                    .setCheckpoints(checkpoints)
                    .setProgress(new ProgressReporter(new PrintStream(OutputStream.nullOutputStream()), false,
                            start.step(), stopAfter, 1000))
                    .setRunRecord("{}", "{}")
                    .addListener(new TrainingListener() {
                        @Override
                        public void onStep(StepMetrics metrics) {
                            arrays.add(manager.getManagedArrays().size());
                        }
                    });
            if (devices != null) {
                trainer.optDevices(devices);
            }
            try (FixtureStream stream = new FixtureStream(start.data().offset());
                    StopSignal stop = StopSignal.install(1)) {
                assertEquals(Trainer.Outcome.COMPLETED, trainer.build().train(manager, stream, start, stop));
            }
            return new Run(parameters(model, manager), arrays, checkpoints.latestValid().orElseThrow());
        }
    }

    private static Map<String, float[]> parameters(ScaleModel model, NDManager manager) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (var pair : model.getParameters()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray alias = pair.getValue().getArray().stopGradient();
                alias.attach(scope);
                values.putIfAbsent(pair.getKey(), alias.toFloatArray());
            }
        }
        return values;
    }

    @Test
    void twoReplicasTrainLikeOneDevice(@TempDir Path tmp) throws IOException {
        List<Device> twoCpus = List.of(Device.cpu(), Device.cpu());
        Run one = train(null, tmp.resolve("one"), STEPS, null);
        Run two = train(twoCpus, tmp.resolve("two"), STEPS, null);
        Map<String, float[]> initial;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel fresh = model(manager);
            initial = parameters(fresh, manager);
            TrainingCheckpoint.restore(two.checkpoint(), fresh, manager, List.of(), w -> { });
            Map<String, float[]> restored = parameters(fresh, manager);
            for (var entry : two.parameters().entrySet()) {
                assertArrayEquals(entry.getValue(), restored.get(entry.getKey()), 0f,
                        "the checkpoint holds the primary's parameters: " + entry.getKey());
            }
        }
        double moved = 0;
        for (var entry : one.parameters().entrySet()) {
            float[] expected = entry.getValue();
            assertArrayEquals(expected, two.parameters().get(entry.getKey()), 1e-5f, entry.getKey());
            float[] start = initial.get(entry.getKey());
            for (int i = 0; i < expected.length; i++) {
                moved = Math.max(moved, Math.abs(expected[i] - start[i]));
            }
        }
        assertTrue(moved > 1e-4, "training changed the parameters (max change " + moved + ")");
        for (Run run : List.of(one, two)) {
            assertEquals(STEPS, run.arrays().size());
            assertTrue(run.arrays().stream().distinct().count() == 1, "arrays kept per step: " + run.arrays());
        }
        assertTrue(two.arrays().get(0) > one.arrays().get(0), "the replica's copies live under the model's manager");

        // stopped after step 2 and resumed on two replicas: the copies are made from the restored
        // parameters, and the run ends where the uninterrupted one did
        Run firstPart = train(twoCpus, tmp.resolve("part"), STEPS - 1, null);
        Run resumed = train(twoCpus, tmp.resolve("resumed"), STEPS, firstPart.checkpoint());
        for (var entry : two.parameters().entrySet()) {
            assertArrayEquals(entry.getValue(), resumed.parameters().get(entry.getKey()), 1e-6f,
                    "resumed: " + entry.getKey());
        }
    }
}
