package org.scale4j.training.session;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.recipe.EvalTask;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.training.checkpoint.CheckpointStore;
import org.scale4j.training.checkpoint.TrainingCheckpoint;
import org.scale4j.training.eval.EmbeddingCombinations;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.report.EvalReport;
import org.scale4j.training.model.ScaleModel;
import org.scale4j.training.monitor.TensorBoardListener;
import org.scale4j.training.run.RunDirectory;

/**
 * {@code scale4j eval RUN_DIR}: the downstream evaluation of a trained run from its best (or
 * newest) checkpoint, with the recipe saved in the run directory.
 */
public final class EvaluationSession {

    private EvaluationSession() {
    }

    /**
     * Evaluates a run and writes {@code results.json}, {@code results.md} and the metrics into the
     * run's TensorBoard hparams.
     *
     * @param checkpoint the checkpoint to evaluate, or {@code null} for the best one (else the newest)
     */
    public static EvalReport evaluateRun(Recipe recipe, RunDirectory run, Path checkpoint, Path workDir,
            PrintStream console) {
        Path chosen = checkpoint != null ? checkpoint : chooseCheckpoint(run);
        Device device = DeviceChoice.resolve(recipe.trainer().devices());
        try (Dataset dataset = RunParts.openDataset(recipe, workDir);
                NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            if (!dataset.splits().contains(recipe.eval().split())) {
                throw new RunSetupException("eval.split: the dataset has no split '" + recipe.eval().split()
                        + "'; it has " + dataset.splits());
            }
            ScaleModel model = RunParts.buildModel(recipe, dataset, manager, console);
            TrainingCheckpoint.Position position = TrainingCheckpoint.restore(chosen, model, manager, List.of(), w -> { });
            console.println("evaluating " + chosen + " (step " + position.step() + ") on " + recipe.eval().split() + " ...");
            EvalReport report = evaluateModel(recipe, dataset, model, manager,
                    run.path().getParent().getFileName().toString(), console).report();
            report.writeTo(run.path());
            if (recipe.tensorboard().enabled()) {
                try (TensorBoardListener listener = TensorBoardListener.builder().setRunDir(run.path()).build()) {
                    listener.onEvaluation(position.step(), flatten(report));
                }
            }
            console.println(report.renderTable(true));
            console.println("results: " + run.path().resolve(EvalReport.MARKDOWN_FILE));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + chosen + ": " + e.getMessage(), e);
        }
    }

    /**
     * The fused summaries of one split and their combinations (spec 3.2), for export.
     *
     * @param features per-modality fused summaries with ids and labels
     * @param combinations combination name ({@code image+text}, or {@code all}) to {@code [N,H]} sums
     * @param step the step of the checkpoint they come from
     */
    public record RunFeatures(SplitFeatures features, Map<String, FeatureMatrix> combinations, long step) {
    }

    /** Extracts the embeddings of {@code split} from a run's best (or given) checkpoint. */
    public static RunFeatures extractRun(Recipe recipe, RunDirectory run, Path checkpoint, String split, Path workDir,
            PrintStream console) {
        Path chosen = checkpoint != null ? checkpoint : chooseCheckpoint(run);
        Device device = DeviceChoice.resolve(recipe.trainer().devices());
        try (Dataset dataset = RunParts.openDataset(recipe, workDir);
                NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            if (!dataset.splits().contains(split)) {
                throw new RunSetupException("--split: the dataset has no split '" + split + "'; it has "
                        + dataset.splits());
            }
            ScaleModel model = RunParts.buildModel(recipe, dataset, manager, console);
            TrainingCheckpoint.Position position = TrainingCheckpoint.restore(chosen, model, manager, List.of(), w -> { });
            console.println("embedding " + split + " with " + chosen + " (step " + position.step() + ") ...");
            SplitFeatures features = FeatureExtractor.extract(model, dataset, split, recipe.data().evalBatchSize(), 0,
                    recipe.run().seed(), manager, console::println);
            List<String> modalities = List.copyOf(features.summaries().keySet());
            List<List<String>> subsets = recipe.eval().combinations().isEmpty()
                    ? DownstreamEvaluation.defaultSubsets(modalities)
                    : DownstreamEvaluation.parseCombinations(recipe.eval().combinations());
            Map<String, FeatureMatrix> combos = new LinkedHashMap<>();
            EmbeddingCombinations.combine(features.summaries(), features.presence(), subsets).forEach((name, m) ->
                    combos.put(DownstreamEvaluation.displayName(name, modalities), m));
            return new RunFeatures(features, combos, position.step());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + chosen + ": " + e.getMessage(), e);
        }
    }

    /** The best checkpoint recorded in the run, or else the newest valid one. */
    static Path chooseCheckpoint(RunDirectory run) {
        CheckpointStore store = new CheckpointStore(run.checkpoints(), 1, w -> System.err.println("warning: " + w));
        var best = store.best().map(b -> store.pathOf(b.step())).filter(Files::isRegularFile);
        return best.orElseGet(() -> store.latestValid().orElseThrow(() -> new RunSetupException(
                "run " + run + " has no usable checkpoint in " + run.checkpoints())));
    }

    /** A report with the evaluation split's features it was computed from. */
    public record ModelEvaluation(EvalReport report, SplitFeatures test) {
    }

    /** Extracts features of the evaluation (and training) split and runs every task of the recipe. */
    public static ModelEvaluation evaluateModel(Recipe recipe, Dataset dataset, ScaleModel model, NDManager manager,
            String name, PrintStream console) {
        var eval = recipe.eval();
        long seed = recipe.run().seed();
        int threads = Runtime.getRuntime().availableProcessors();
        DownstreamEvaluation.Tasks tasks = new DownstreamEvaluation.Tasks(eval.tasks().contains(EvalTask.RETRIEVAL),
                eval.tasks().contains(EvalTask.CLASSIFICATION), eval.tasks().contains(EvalTask.CLUSTERING));
        SplitFeatures test = FeatureExtractor.extract(model, dataset, eval.split(), recipe.data().evalBatchSize(),
                eval.maxSamples(), seed, manager, console::println);
        SplitFeatures train = tasks.classification() && dataset.splits().contains("train")
                ? FeatureExtractor.extract(model, dataset, "train", recipe.data().evalBatchSize(), eval.maxSamples(),
                        seed, manager, console::println)
                : null;
        SplitFeatures gallery = eval.gallerySplit().isEmpty() ? null
                : FeatureExtractor.extract(model, dataset, gallerySplit(dataset, eval.gallerySplit()),
                        recipe.data().evalBatchSize(), eval.maxSamples(), seed, manager, console::println);
        EvalReport report = DownstreamEvaluation.evaluate(name, tasks,
                DownstreamEvaluation.parseCombinations(eval.combinations()), eval.topK(), train, test, gallery, seed,
                threads, s -> { });
        if (tasks.classification() && eval.finetuneSteps() > 0 && train != null) {
            int classes = 1 + (int) java.util.stream.LongStream.concat(java.util.Arrays.stream(train.category()),
                    java.util.Arrays.stream(test.category())).max().orElse(0);
            console.println("  fine-tuning a classification head for " + eval.finetuneSteps() + " steps ...");
            Map<String, Double> finetuned = FineTuneClassification.run(model, dataset, "train", eval.split(), classes,
                    eval.finetuneSteps(), eval.finetuneLr(), recipe.data().batchSize(), seed, manager, console::println);
            EvalReport.Builder extended = EvalReport.builder(report.run()).config(report.config())
                    .config("finetune-steps", Integer.toString(eval.finetuneSteps()));
            report.tasks().forEach(extended::metrics);
            report = extended.metrics("classification-finetune/all", finetuned).build();
        }
        return new ModelEvaluation(report, test);
    }

    /**
     * Sends up to {@code limit} products' summed fused summaries (all modalities) to the listeners'
     * projector, with id, category, product group and the modalities each product has.
     */
    public static void project(List<? extends org.scale4j.api.training.TrainingListener> listeners, long step,
            SplitFeatures features, int limit) {
        int n = Math.min(limit, features.size());
        if (n == 0 || listeners.isEmpty()) {
            return;
        }
        Map<String, FeatureMatrix> all = EmbeddingCombinations.combine(features.summaries(), features.presence(),
                List.of(List.copyOf(features.summaries().keySet())));
        FeatureMatrix sum = all.values().iterator().next();
        float[][] vectors = new float[n][];
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int r = 0; r < n; r++) {
            vectors[r] = sum.row(r);
            List<String> present = new java.util.ArrayList<>();
            for (var e : features.presence().entrySet()) {
                if (e.getValue()[r]) {
                    present.add(e.getKey());
                }
            }
            rows.add(List.of(features.ids()[r], Long.toString(features.category()[r]),
                    Long.toString(features.productGroup()[r]), String.join("+", present)));
        }
        List<String> header = List.of("id", "category", "product_group", "modalities");
        listeners.forEach(l -> l.onEmbeddings(step, "fused_all", vectors, header, rows));
    }

    private static String gallerySplit(Dataset dataset, String split) {
        if (!dataset.splits().contains(split)) {
            throw new RunSetupException("eval.gallery_split: the dataset has no split '" + split + "'; it has "
                    + dataset.splits());
        }
        return split;
    }

    /** The report as {@code <task>/<metric>} scalars, for TensorBoard. */
    public static Map<String, Double> flatten(EvalReport report) {
        Map<String, Double> flat = new LinkedHashMap<>();
        report.tasks().forEach((task, metrics) -> metrics.forEach((k, v) -> flat.put(task + "/" + k, v)));
        return flat;
    }
}
