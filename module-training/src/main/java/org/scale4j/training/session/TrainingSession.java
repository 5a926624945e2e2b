package org.scale4j.training.session;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.recipe.OptimizerType;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.api.training.TrainingListener;
import org.scale4j.training.checkpoint.CheckpointStore;
import org.scale4j.training.checkpoint.TrainingCheckpoint;
import org.scale4j.training.eval.report.EvalReport;
import org.scale4j.training.io.AtomicFiles;
import org.scale4j.training.loop.ProgressReporter;
import org.scale4j.training.loop.StopSignal;
import org.scale4j.training.loop.Trainer;
import org.scale4j.training.loop.TrainerSettings;
import org.scale4j.training.loop.TrainableParameters;
import org.scale4j.training.model.ScaleModel;
import org.scale4j.training.monitor.TensorBoardListener;
import org.scale4j.training.monitor.TensorBoardWriteException;
import org.scale4j.training.optim.AdamW;
import org.scale4j.training.optim.AdamWConfig;
import org.scale4j.training.optim.LearningRateSchedule;
import org.scale4j.training.run.RunDirectory;
import org.scale4j.training.run.RunProvenance;

/**
 * One {@code scale4j train}: from a resolved recipe to a trained, evaluated run directory.
 *
 * <ol>
 *   <li>pick the device and open the dataset (the synthetic one is generated on first use), before
 *       anything is written, so that bad data leaves no run directory behind;
 *   <li>pick the run directory ({@code runs/<name>/version_<n>}, or the one being resumed), save
 *       the resolved recipe and the provenance, tee the console into {@code train.log}, and build
 *       the model from the plugins the recipe names (a new run that fails before its first step
 *       has its directory removed);
 *   <li>restore the newest valid checkpoint when resuming;
 *   <li>train (with validation and checkpoints), then run the downstream evaluation on the
 *       untrained initialisation and on the trained model, and write the results.
 * </ol>
 */
public final class TrainingSession {

    /**
     * @param workDir the directory relative {@code run.out} and data paths resolve against
     * @param sourceRoot where provenance looks for a git checkout
     * @param resumeLatest resume the newest run of this recipe's name
     * @param resumeFrom resume this run directory or checkpoint file ({@code null}: no path given)
     * @param console where progress goes (also copied into the run's log)
     */
    public record Options(Path workDir, Path sourceRoot, boolean resumeLatest, Path resumeFrom, PrintStream console) {
    }

    /** What a finished session leaves behind. */
    public record Result(RunDirectory run, Trainer.Outcome outcome, EvalReport trained, EvalReport untrained) {
    }

    /** Products sent to the TensorBoard projector after training. */
    private static final int PROJECTOR_POINTS = 1000;

    /** The run sub-directory that holds the untrained model's {@code results.json} and {@code results.md}. */
    public static final String UNTRAINED_DIR = "untrained";

    private TrainingSession() {
    }

    public static Result train(Recipe recipe, String resolvedYaml, Options options) {
        List<Device> devices = DeviceChoice.resolveAll(recipe.trainer().devices());
        String sharding = org.scale4j.training.parallel.ShardPlan.problem(recipe.data().batchSize(), devices.size(),
                recipe.trainer().microBatches());
        if (sharding != null) {
            throw new RunSetupException(sharding);
        }
        Path out = options.workDir().resolve(recipe.run().out());
        // The data opens before anything is written: a data error (the most common user mistake)
        // leaves no run directory behind.
        try (Dataset dataset = RunParts.openDataset(recipe, options.workDir())) {
            Resume resume = Resume.locate(recipe, out, options);
            RunDirectory run = resume.run();
            boolean[] trainingStarted = {false};
            try (PrintStream console = TeeOutput.open(options.console(), run.log());
                    StopSignal stop = StopSignal.install(120)) {
                return train(recipe, resolvedYaml, options, devices, dataset, run, resume.checkpoint(), console, stop,
                        trainingStarted);
            } catch (IOException e) {
                removeUnstartedRun(resume, trainingStarted[0]);
                throw new UncheckedIOException("cannot write into run directory " + run + ": " + e.getMessage(), e);
            } catch (TensorBoardWriteException e) {
                removeUnstartedRun(resume, trainingStarted[0]);
                throw RunStoppedException.eventFilesFailed(e, run);
            } catch (RuntimeException | Error e) {
                removeUnstartedRun(resume, trainingStarted[0]);
                throw e;
            }
        }
    }

    /**
     * Deletes the directory of a new run that failed before its first step (a model that cannot be
     * built, a listener that cannot start), so that no half-made {@code version_<n>} is left for
     * {@code --resume} or TensorBoard to trip over. Resumed runs are never touched.
     */
    private static void removeUnstartedRun(Resume resume, boolean trainingStarted) {
        if (resume.checkpoint() != null || trainingStarted) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(resume.run().path())) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(resume.run().path().getParent()); // runs/<name>, when this was its only run
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // other runs of this name live there
        } catch (IOException e) {
            // best effort: the original error matters more than a leftover directory
        }
    }

    private static Result train(Recipe recipe, String resolvedYaml, Options options, List<Device> devices, Dataset dataset,
            RunDirectory run, Path checkpoint, PrintStream console, StopSignal stop, boolean[] trainingStarted)
            throws IOException {
        long seed = recipe.run().seed();
        Device device = devices.get(0);
        String onDevices = DeviceChoice.describe(devices);
        console.println((checkpoint == null ? "run " : "resuming run ") + run + " on " + onDevices
                + (devices.size() > 1 ? " (data parallel; the model, objectives and optimizer on " + device + ")" : ""));
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            if (checkpoint != null) {
                warnIfRecipeChanged(checkpoint, resolvedYaml, console);
            }
            RunProvenance provenance = RunProvenance.collect(resolvedYaml, dataset.fingerprint(), seed,
                    onDevices, options.sourceRoot());
            if (checkpoint == null) {
                AtomicFiles.writeString(run.recipe(), resolvedYaml);
                AtomicFiles.writeString(run.provenance(), provenance.toJson());
            }
            console.println("data: " + describe(dataset));

            ScaleModel model = RunParts.buildModel(recipe, dataset, manager, console);
            console.println(model.parameterReport().format());
            ScaleTrainable trainable = new ScaleTrainable(model);

            AdamW optimizer = new AdamW(optimizerConfig(recipe), TrainableParameters.of(model), manager);
            CheckpointStore store = new CheckpointStore(run.checkpoints(), recipe.checkpoint().keepLast(),
                    w -> console.println("warning: " + w));
            TrainingCheckpoint.Position start = new TrainingCheckpoint.Position(0, DataPosition.START, 0);
            if (checkpoint != null) {
                try {
                    start = TrainingCheckpoint.restore(checkpoint, model, manager, List.of(optimizer),
                            w -> console.println("warning: " + w));
                } catch (IOException e) {
                    // a corrupt file or one of another model: the user picks another checkpoint or recipe
                    throw new RunSetupException("--resume: " + e.getMessage(), e);
                }
                console.println("restored " + checkpoint.getFileName() + " (step " + start.step() + ")");
            }

            String evalSplit = recipe.eval().split();
            boolean evaluate = !recipe.eval().tasks().isEmpty() && dataset.splits().contains(evalSplit);
            EvalReport untrained = null;
            if (evaluate && checkpoint == null) {
                console.println("evaluating the untrained model on " + evalSplit + " (the baseline) ...");
                long t0 = System.nanoTime();
                untrained = EvaluationSession.evaluateModel(recipe, dataset, model, manager,
                        run.path().getParent().getFileName() + "-untrained", console).report();
                console.println("  took " + seconds(t0));
            }

            List<TrainingListener> listeners = new ArrayList<>();
            if (recipe.tensorboard().enabled()) {
                listeners.add(TensorBoardListener.builder()
                        .setRunDir(run.path())
                        .optScalarsEvery(recipe.tensorboard().every())
                        .optFailOnError(recipe.tensorboard().failOnError())
                        .optWarnings(w -> console.println("warning: " + w))
                        .build());
            }
            for (var section : recipe.listeners()) {
                listeners.add(section.listener().provider().createFrom(run.path(), section.listener().config()));
            }
            listeners.forEach(l -> l.onTrainingBegin(run.path(), resolvedYaml, hparams(recipe)));

            long steps = recipe.trainer().steps();
            TrainerSettings settings = new TrainerSettings(steps, recipe.trainer().gradAccumulation(),
                    recipe.trainer().microBatches(), recipe.trainer().clipGradNorm(), recipe.trainer().maxBadSteps(),
                    recipe.checkpoint().every() == 0 ? steps : recipe.checkpoint().every(), recipe.trainer().valEvery(),
                    recipe.trainer().earlyStopping().patience(), recipe.trainer().logEvery(),
                    recipe.tensorboard().histogramsEvery(), seed);
            ProgressReporter progress = new ProgressReporter(console, ProgressReporter.stdoutIsTerminal()
                    && options.console() == System.out, start.step(), steps, recipe.trainer().logEvery());
            Trainer.Builder trainer = Trainer.builder()
                    .setSettings(settings)
                    .setModel(trainable)
                    .setOptimizer(optimizer)
                    .setSchedule(new LearningRateSchedule(recipe.trainer().optimizer().lr(),
                            recipe.trainer().schedule().warmupSteps(steps), steps, decay(recipe)))
                    .setCheckpoints(store)
                    .setProgress(progress)
                    .setRunRecord(resolvedYaml, provenance.toJson())
                    .optDevices(devices);
            listeners.forEach(trainer::addListener);
            if (recipe.trainer().valEvery() > 0 && Validation.available(dataset, "val")) {
                trainer.optValidator(new Validation(trainable, dataset, "val", recipe.data().evalBatchSize(), 0,
                        seed, manager));
            }
            BatchOptions batches = new BatchOptions(recipe.data().batchSize(), true, seed, trainable.masking(), true,
                    true, recipe.data().prefetch());
            Trainer.Outcome outcome;
            boolean success = false;
            long trainStart = System.nanoTime();
            try (BatchStream stream = dataset.stream("train", batches, start.data())) {
                trainingStarted[0] = true;
                outcome = trainer.build().train(manager, stream, start, stop);
                success = true;
                console.println("training took " + seconds(trainStart));
            } finally {
                if (!success) {
                    // A failed run ends its TensorBoard session now; a finished one after the
                    // evaluation, so that the hparams experiment includes the eval metrics.
                    long lastStep = lastCheckpointStep(store, start.step());
                    listeners.forEach(l -> l.onTrainingEnd(lastStep, false));
                }
            }
            long endStep = lastCheckpointStep(store, start.step());
            if (outcome == Trainer.Outcome.INTERRUPTED) {
                listeners.forEach(l -> l.onTrainingEnd(endStep, true));
                closeAll(listeners);
                console.println("stopped; the checkpoint is in " + run.checkpoints() + ". Continue with:");
                console.println("  ./scale4j train <recipe> --resume " + run.path());
                return new Result(run, outcome, null, untrained);
            }
            EvalReport trained = null;
            if (evaluate) {
                console.println("evaluating the trained model on " + evalSplit + " ...");
                long t0 = System.nanoTime();
                EvaluationSession.ModelEvaluation evaluation = EvaluationSession.evaluateModel(recipe, dataset, model,
                        manager, run.path().getParent().getFileName().toString(), console);
                trained = evaluation.report();
                EvaluationSession.project(listeners, steps, evaluation.test(), PROJECTOR_POINTS);
                console.println("  took " + seconds(t0));
                trained.writeTo(run.path());
                Map<String, Double> flat = new LinkedHashMap<>();
                flat.putAll(EvaluationSession.flatten(trained));
                long lastStep = steps;
                listeners.forEach(l -> l.onEvaluation(lastStep, flat));
                if (untrained == null) {
                    console.println(trained.renderTable(true));
                } else {
                    var comparison = EvalReport.compare(List.of(untrained, trained));
                    EvaluationVerdict verdict = EvaluationVerdict.of(untrained, trained);
                    // the baseline as a results directory of its own, for `scale4j eval --compare`
                    Path baseline = Files.createDirectories(run.path().resolve(UNTRAINED_DIR));
                    untrained.writeTo(baseline);
                    AtomicFiles.writeString(run.path().resolve("comparison.md"),
                            comparison.renderMarkdown(true) + "\n" + verdict.renderMarkdown());
                    console.println(comparison.renderTable(true));
                    console.println(verdict.render());
                }
            }
            listeners.forEach(l -> l.onTrainingEnd(endStep, true));
            closeAll(listeners);
            console.println("done. TensorBoard: tensorboard --logdir " + out(recipe, options));
            console.println("  checkpoints: " + run.checkpoints());
            if (trained != null) {
                console.println("  results:     " + run.path().resolve(EvalReport.MARKDOWN_FILE));
            }
            return new Result(run, outcome, trained, untrained);
        }
    }

    private static long lastCheckpointStep(CheckpointStore store, long fallback) {
        var all = store.list();
        return all.isEmpty() ? fallback : CheckpointStore.stepOf(all.get(all.size() - 1));
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static Path out(Recipe recipe, Options options) {
        return options.workDir().resolve(recipe.run().out());
    }

    private static void closeAll(List<TrainingListener> listeners) {
        for (TrainingListener l : listeners) {
            try {
                l.close();
            } catch (Exception e) {
                // a listener that fails to close must not hide the run's result
            }
        }
    }

    private static AdamWConfig optimizerConfig(Recipe recipe) {
        var o = recipe.trainer().optimizer();
        return new AdamWConfig(o.betas().get(0), o.betas().get(1), o.eps(), o.weightDecay(),
                o.type() == OptimizerType.ADAMW);
    }

    private static LearningRateSchedule.Decay decay(Recipe recipe) {
        return switch (recipe.trainer().schedule().type()) {
            case LINEAR -> LearningRateSchedule.Decay.LINEAR;
            case COSINE -> LearningRateSchedule.Decay.COSINE;
            case CONSTANT -> LearningRateSchedule.Decay.CONSTANT;
        };
    }

    /** The fixed hparam key set of every run, so TensorBoard's table never hides sessions. */
    static Map<String, Object> hparams(Recipe recipe) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("modalities", String.join("+", recipe.data().modalities().keySet()));
        h.put("objectives", String.join("+", recipe.objectives().stream()
                .map(o -> o.objective().provider().name()).toList()));
        h.put("harmonizer", recipe.model().harmonizer().provider().name());
        h.put("fusion", recipe.model().fusion().provider().name());
        h.put("hidden", recipe.model().hidden());
        h.put("lr", recipe.trainer().optimizer().lr());
        h.put("batch_size", recipe.data().batchSize());
        h.put("steps", recipe.trainer().steps());
        h.put("seed", recipe.run().seed());
        return h;
    }

    private static String describe(Dataset dataset) {
        StringBuilder s = new StringBuilder();
        for (String split : dataset.splits()) {
            s.append(split).append(' ').append(dataset.size(split)).append(", ");
        }
        s.append("modalities ").append(dataset.modalities().stream().map(m -> m.name()).toList());
        return s.toString();
    }

    private static void warnIfRecipeChanged(Path checkpoint, String resolvedYaml, PrintStream console) {
        String saved;
        try {
            saved = TrainingCheckpoint.recipeOf(checkpoint);
        } catch (IOException e) {
            throw new RunSetupException("--resume: " + e.getMessage() + "; resume from an earlier checkpoint of "
                    + "the run (--resume PATH) or from the run directory, which picks the newest valid one", e);
        }
        if (!saved.equals(resolvedYaml)) {
            console.println("warning: the recipe differs from the one " + checkpoint.getFileName()
                    + " was written with; continuing with the new recipe");
        }
    }

    /** Where a run goes: a new version directory, or the run and checkpoint being resumed. */
    record Resume(RunDirectory run, Path checkpoint) {

        static Resume locate(Recipe recipe, Path out, Options options) {
            try {
                if (options.resumeFrom() != null) {
                    Path target = options.resumeFrom();
                    if (Files.isRegularFile(target)) {
                        Path runDir = target.toAbsolutePath().getParent().getParent();
                        return new Resume(RunDirectory.existing(runDir), target);
                    }
                    if (!Files.isDirectory(target)) {
                        throw new RunSetupException("--resume " + target + ": no such run directory or checkpoint file");
                    }
                    RunDirectory run = RunDirectory.existing(target);
                    return new Resume(run, latestCheckpoint(run));
                }
                if (options.resumeLatest()) {
                    Optional<RunDirectory> latest = RunDirectory.latest(out, recipe.run().name());
                    if (latest.isEmpty()) {
                        throw new RunSetupException("--resume: there is no earlier run '" + recipe.run().name()
                                + "' under " + out + " to resume; drop --resume to start one");
                    }
                    return new Resume(latest.get(), latestCheckpoint(latest.get()));
                }
                return new Resume(RunDirectory.createNext(out, recipe.run().name()), null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the run directory under " + out + ": " + e.getMessage(), e);
            }
        }

        private static Path latestCheckpoint(RunDirectory run) {
            return new CheckpointStore(run.checkpoints(), 1, w -> System.err.println("warning: " + w)).latestValid()
                    .orElseThrow(() -> new RunSetupException("--resume: run " + run + " has no usable checkpoint in "
                            + run.checkpoints()));
        }
    }

}
