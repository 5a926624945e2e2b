package org.scale4j.training.loop;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.state.Stateful;
import org.scale4j.api.training.StepMetrics;
import org.scale4j.api.training.TrainingListener;
import org.scale4j.training.checkpoint.CheckpointStore;
import org.scale4j.training.checkpoint.TrainingCheckpoint;
import org.scale4j.training.optim.AdamW;
import org.scale4j.training.optim.GradientClipping;
import org.scale4j.training.optim.LearningRateSchedule;
import org.scale4j.training.parallel.ReplicaSet;

/**
 * The SCALE training loop: one optimizer step per iteration, each inside its own NDManager scope
 * (djl-notes pitfall 6).
 *
 * <p>A step: reseed the engine from the step; for each of {@code grad_accumulation} batches,
 * forward (split by the model into shards over the replicas and their micro-batches), backward
 * the loss divided by the accumulation count; add the replicas' gradients into the primary's;
 * clip the global gradient norm; skip the update when the loss or the norm is not finite; apply
 * AdamW with the scheduled learning rate; copy the new parameters into the replicas; report;
 * checkpoint; validate. Clipping, the optimizer and checkpoints only see the primary parameters
 * (the model's), so a data-parallel run saves and resumes like a one-device run.
 */
public final class Trainer {

    /** How a run ended. */
    public enum Outcome {
        /** Every step ran. */
        COMPLETED,
        /** SIGINT/SIGTERM (or {@link StopSignal#request()}): a checkpoint was written. */
        INTERRUPTED,
        /** Validation stopped improving for {@code early_stopping} passes. */
        EARLY_STOPPED
    }

    /** Runs a validation pass and returns its averaged scalars; {@code loss/total} ranks checkpoints. */
    @FunctionalInterface
    public interface Validator {
        SortedMap<String, Double> validate(long step);
    }

    private final TrainerSettings settings;
    private final TrainableModel model;
    private final AdamW optimizer;
    private final LearningRateSchedule schedule;
    private final CheckpointStore checkpoints;
    private final List<Stateful> stateParts;
    private final List<TrainingListener> listeners;
    private final ProgressReporter progress;
    private final String recipe;
    private final String provenance;
    private final Validator validator;
    private final List<Device> devices;

    private Trainer(Builder b) {
        this.settings = b.settings;
        this.model = b.model;
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.checkpoints = b.checkpoints;
        this.stateParts = List.copyOf(b.stateParts);
        this.listeners = List.copyOf(b.listeners);
        this.progress = b.progress;
        this.recipe = b.recipe;
        this.provenance = b.provenance;
        this.validator = b.validator;
        this.devices = b.devices;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains from {@code start} (the step and data position of a restored checkpoint, or step 0)
     * until the last step, a stop signal or early stopping.
     *
     * @param manager the long-lived manager of the model, on the primary device; each step works
     *     in a sub-manager
     * @param stream the training batches, positioned at {@code start.data()}
     * @throws TrainingDivergedException after more than {@code max_bad_steps} non-finite steps; the
     *     last good checkpoint stays in place
     * @throws CheckpointWriteException when a checkpoint cannot be written (e.g. a full disk)
     */
    public Outcome train(NDManager manager, BatchStream stream, TrainingCheckpoint.Position start, StopSignal stop) {
        List<Parameter> parameters = TrainableParameters.of(model.block());
        // The gradient buffers of a new model, or of parameters just loaded from a checkpoint, are
        // not zeroed memory, and backward accumulates into them: a first step could see garbage
        // (even an infinite norm) that differs from run to run. Start every run from zeros.
        try (NDManager scratch = manager.newSubManager()) {
            Gradients.zero(parameters, scratch);
        }
        try (ReplicaSet replicas = devices == null ? ReplicaSet.single(manager) : ReplicaSet.create(manager, devices)) {
            return train(manager, stream, start, stop, parameters, replicas);
        }
    }

    private Outcome train(NDManager manager, BatchStream stream, TrainingCheckpoint.Position start, StopSignal stop,
            List<Parameter> parameters, ReplicaSet replicas) {
        int badSteps = start.badSteps();
        double bestValidation = Double.POSITIVE_INFINITY;
        int passesWithoutImprovement = 0;
        long lastSaved = start.step();
        long step = start.step();
        while (step < settings.steps()) {
            if (stop.requested()) {
                saveCheckpoint(step, stream, badSteps, OptionalDouble.empty());
                return Outcome.INTERRUPTED;
            }
            step++;
            long started = System.nanoTime();
            Engine.getInstance().setRandomSeed(settings.stepSeed(step));
            SortedMap<String, Double> scalars = new TreeMap<>();
            int samples = 0;
            try (NDManager stepManager = manager.newSubManager()) {
                double loss = 0;
                List<String> skipped = new ArrayList<>();
                for (int a = 0; a < settings.gradAccumulation(); a++) {
                    try (Batch batch = stream.next(stepManager)) {
                        samples += batch.size();
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            StepLoss result = model.loss(replicas, batch, settings.microBatches(), true);
                            result.backward(collector, settings.gradAccumulation());
                            loss += result.total().getFloat() / settings.gradAccumulation();
                            for (Map.Entry<String, NDArray> e : result.scalars().entrySet()) {
                                scalars.merge(e.getKey(), (double) e.getValue().getFloat() / settings.gradAccumulation(),
                                        Double::sum);
                            }
                            for (Map.Entry<String, Double> e : result.hostScalars().entrySet()) {
                                scalars.merge(e.getKey(), e.getValue() / settings.gradAccumulation(), Double::sum);
                            }
                            skipped.addAll(result.skipped());
                        }
                    }
                }
                replicas.reduceGradients(stepManager);
                double gradNorm = GradientClipping.clipGlobalNorm(parameters, settings.clipGradNorm(), stepManager);
                double learningRate = schedule.at(step);
                if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
                    Gradients.zero(parameters, stepManager);
                    badSteps++;
                    progress.message(String.format(java.util.Locale.ROOT,
                            "warning: step %d has a non-finite %s (loss %s, gradient norm %s); update skipped (%d in a row; the run stops after %d)",
                            step, Double.isFinite(loss) ? "gradient" : "loss", loss, gradNorm, badSteps,
                            settings.maxBadSteps()));
                    if (badSteps > settings.maxBadSteps()) {
                        throw new TrainingDivergedException(step, badSteps, checkpoints.latestValid().orElse(null));
                    }
                    continue;
                }
                if (settings.histogramsEvery() > 0 && step % settings.histogramsEvery() == 0 && !listeners.isEmpty()) {
                    Map<String, float[]> histograms = NormHistograms.of(parameters, stepManager);
                    for (TrainingListener listener : listeners) {
                        listener.onHistograms(step, histograms);
                    }
                }
                optimizer.step(learningRate, stepManager);
                replicas.refresh(stepManager);
                badSteps = 0;
                double seconds = (System.nanoTime() - started) / 1e9;
                scalars.put("loss/total", loss);
                scalars.put("lr", learningRate);
                scalars.put("grad_norm", gradNorm);
                scalars.put("samples_per_sec", samples / seconds);
                progress.step(step, loss, learningRate, samples / seconds);
                if (!skipped.isEmpty() && step == start.step() + 1) {
                    progress.message("note: in the first step " + String.join("; ", skipped));
                }
            }
            StepMetrics metrics = new StepMetrics(step, scalars);
            for (TrainingListener listener : listeners) {
                listener.onStep(metrics);
            }
            OptionalDouble validationLoss = OptionalDouble.empty();
            if (validator != null && settings.validateEvery() > 0
                    && (step % settings.validateEvery() == 0 || step == settings.steps())) {
                SortedMap<String, Double> validation = validator.validate(step);
                StepMetrics validationMetrics = new StepMetrics(step, validation);
                listeners.forEach(l -> l.onValidation(validationMetrics));
                Double total = validation.get("loss/total");
                if (total != null) {
                    validationLoss = OptionalDouble.of(total);
                    if (total < bestValidation) {
                        bestValidation = total;
                        passesWithoutImprovement = 0;
                    } else {
                        passesWithoutImprovement++;
                    }
                }
            }
            boolean earlyStop = settings.earlyStoppingPatience() > 0
                    && passesWithoutImprovement >= settings.earlyStoppingPatience();
            if (step % settings.checkpointEvery() == 0 || step == settings.steps() || earlyStop) {
                saveCheckpoint(step, stream, badSteps, validationLoss);
                lastSaved = step;
            }
            if (earlyStop) {
                progress.message("early stopping at step " + step + ": validation loss has not improved for "
                        + passesWithoutImprovement + " passes (best " + bestValidation + ")");
                return Outcome.EARLY_STOPPED;
            }
        }
        if (lastSaved != step) {
            saveCheckpoint(step, stream, badSteps, OptionalDouble.empty());
        }
        progress.finish();
        return Outcome.COMPLETED;
    }

    private void saveCheckpoint(long step, BatchStream stream, int badSteps, OptionalDouble metric) {
        try {
            Path file = TrainingCheckpoint.save(checkpoints, new TrainingCheckpoint.Position(step, stream.position(), badSteps),
                    model.block(), stateParts, recipe, provenance, metric);
            for (TrainingListener listener : listeners) {
                listener.onCheckpoint(step, file);
            }
        } catch (IOException e) {
            throw new CheckpointWriteException(step, checkpoints.directory(), checkpoints.latestValid().orElse(null), e);
        }
    }

    /** Builds a {@link Trainer}; every {@code setX} is required. */
    public static final class Builder {
        private TrainerSettings settings;
        private TrainableModel model;
        private AdamW optimizer;
        private LearningRateSchedule schedule;
        private CheckpointStore checkpoints;
        private final List<Stateful> stateParts = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private ProgressReporter progress;
        private String recipe;
        private String provenance;
        private Validator validator;
        private List<Device> devices;

        public Builder setSettings(TrainerSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder setModel(TrainableModel model) {
            this.model = model;
            return this;
        }

        /** The optimizer; it is also checkpointed as a stateful part. */
        public Builder setOptimizer(AdamW optimizer) {
            this.optimizer = optimizer;
            this.stateParts.add(optimizer);
            return this;
        }

        public Builder setSchedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder setCheckpoints(CheckpointStore checkpoints) {
            this.checkpoints = checkpoints;
            return this;
        }

        public Builder setProgress(ProgressReporter progress) {
            this.progress = progress;
            return this;
        }

        /** The resolved recipe and provenance JSON saved in every checkpoint. */
        public Builder setRunRecord(String recipe, String provenance) {
            this.recipe = recipe;
            this.provenance = provenance;
            return this;
        }

        public Builder addListener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        /** A further part whose state checkpoints keep (e.g. a listener with counters). */
        public Builder addStateful(Stateful part) {
            stateParts.add(part);
            return this;
        }

        public Builder optValidator(Validator validator) {
            this.validator = validator;
            return this;
        }

        /**
         * The devices of data-parallel training, the first being the model manager's (see
         * {@link ReplicaSet}); a device may repeat ({@code cpu:2}). Default: the model's device alone.
         */
        public Builder optDevices(List<Device> devices) {
            if (devices.isEmpty()) {
                throw new IllegalArgumentException("no devices");
            }
            this.devices = List.copyOf(devices);
            return this;
        }

        public Trainer build() {
            if (settings == null || model == null || optimizer == null || schedule == null || checkpoints == null
                    || progress == null || recipe == null || provenance == null) {
                throw new IllegalStateException("Trainer needs settings, model, optimizer, schedule, checkpoints, "
                        + "progress and the run record");
            }
            return new Trainer(this);
        }
    }
}
