package org.scale4j.launcher.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.data.arrow.tools.EmbeddingFileWriter;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.tensorboard.Embedding;
import org.scale4j.tensorboard.EventWriter;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.run.RunDirectory;
import org.scale4j.training.session.EvaluationSession;
import org.scale4j.training.session.SplitFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scale4j embed RUN_DIR --out DIR}: per-product embeddings (each modality's fused summary
 * and their sums) as {@code DIR/embeddings.arrow}, plus TensorBoard projector files in {@code DIR}.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Export per-product embeddings of a trained run as Arrow and for the TensorBoard projector.")
public final class EmbedCommand implements Callable<Integer> {

    /** The projector slows down past this many points; the Arrow file always has every row. */
    private static final int PROJECTOR_POINTS = 10_000;

    @ParentCommand
    private ScaleCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (runs/<name>/version_<n>).")
    private Path runDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where embeddings.arrow and the projector files go.")
    private Path out;

    @Option(names = "--split", defaultValue = "test", description = "The dataset split to embed. Default: ${DEFAULT-VALUE}.")
    private String split;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Use this checkpoint instead of the best one.")
    private Path checkpoint;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value of the run's recipe.")
    private List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        RunDirectory run = EvalCommand.runDirectory(runDir);
        Recipe recipe = RecipeContext.open(run.recipe(), sets, root.pluginDirs()).injector().getInstance(Recipe.class);
        EvaluationSession.RunFeatures result = EvaluationSession.extractRun(recipe, run, checkpoint, split,
                Path.of("").toAbsolutePath(), System.out);
        SplitFeatures f = result.features();
        Map<String, float[]> columns = new LinkedHashMap<>();
        int dim = 0;
        for (Map.Entry<String, FeatureMatrix> e : result.combinations().entrySet()) {
            columns.put(e.getKey(), e.getValue().data());
            dim = e.getValue().dim();
        }
        Path arrow = out.resolve("embeddings.arrow");
        EmbeddingFileWriter.write(arrow, f.ids(), f.category(), f.productGroup(), columns, dim);
        int points = Math.min(PROJECTOR_POINTS, f.size());
        try (EventWriter writer = EventWriter.builder().setLogDir(out).build()) {
            for (Map.Entry<String, FeatureMatrix> e : result.combinations().entrySet()) {
                float[][] vectors = new float[points][];
                List<List<String>> metadata = new ArrayList<>();
                for (int r = 0; r < points; r++) {
                    vectors[r] = e.getValue().row(r);
                    metadata.add(List.of(f.ids()[r], Long.toString(f.category()[r]), Long.toString(f.productGroup()[r]),
                            present(f, r)));
                }
                writer.addEmbedding(Embedding.of(e.getKey().replace('+', '_'), vectors)
                        .withMetadata(List.of("id", "category", "product_group", "modalities"), metadata), result.step());
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + f.size() + " products x " + columns.size() + " embeddings of size " + dim + " to " + arrow);
        w.println("projector (" + points + " points per embedding): tensorboard --logdir " + out);
        return ExitCodes.OK;
    }

    private static String present(SplitFeatures f, int row) {
        List<String> names = new ArrayList<>();
        f.presence().forEach((m, p) -> {
            if (p[row]) {
                names.add(m);
            }
        });
        return String.join("+", names);
    }
}
