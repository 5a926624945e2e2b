package org.scale4j.launcher.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.training.loop.Trainer;
import org.scale4j.training.session.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scale4j train RECIPE [--set k=v]... [--resume [RUN_DIR|CHECKPOINT]]}: trains, evaluates
 * and leaves TensorBoard logs, checkpoints and a results table in {@code runs/<name>/version_<n>}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a recipe, then evaluate it; writes runs/<name>/version_<n>.")
public final class TrainCommand implements Callable<Integer> {

    /** The value picocli gives {@code --resume} without an argument. */
    private static final String LATEST = "latest";

    @ParentCommand
    private ScaleCommand root;

    @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe file, e.g. recipes/quickstart.yaml.")
    private Path recipeFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a recipe value, e.g. trainer.steps=50 (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--resume", arity = "0..1", fallbackValue = LATEST, paramLabel = "RUN_DIR|CHECKPOINT",
            description = "Continue the newest run of this recipe's name, or the given run directory or checkpoint.")
    private String resume;

    @Override
    public Integer call() {
        RecipeContext context = RecipeContext.open(recipeFile, sets, root.pluginDirs());
        Recipe recipe = context.injector().getInstance(Recipe.class);
        Path workDir = Path.of("").toAbsolutePath();
        boolean latest = LATEST.equals(resume);
        Path resumeFrom = resume == null || latest ? null : Path.of(resume);
        TrainingSession.Result result = TrainingSession.train(recipe, context.resolved().yaml(),
                new TrainingSession.Options(workDir, workDir, latest, resumeFrom, System.out));
        return result.outcome() == Trainer.Outcome.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
