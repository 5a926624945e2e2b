package org.scale4j.launcher.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.UserException;
import org.scale4j.training.eval.report.EvalReport;
import org.scale4j.training.run.RunDirectory;
import org.scale4j.training.session.EvaluationSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scale4j eval RUN_DIR}: retrieval, classification and clustering of a trained run (its
 * best checkpoint, with the recipe saved in the run); {@code scale4j eval --compare RUN...}:
 * their saved results side by side.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained run (retrieval, classification, clustering), or compare runs' results.")
public final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    private ScaleCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories (runs/<name>/version_<n>).")
    private List<Path> runs;

    @Option(names = "--compare", description = "Print the runs' saved results.json side by side instead of evaluating.")
    private boolean compare;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Evaluate this checkpoint instead of the best one.")
    private Path checkpoint;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value of the run's recipe, e.g. eval.split=val.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--markdown", description = "With --compare: print Markdown instead of a text table.")
    private boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (compare) {
            List<EvalReport> reports = new ArrayList<>();
            for (Path run : runs) {
                reports.add(readResults(run));
            }
            var comparison = EvalReport.compare(reports);
            out.println(markdown ? comparison.renderMarkdown(true) : comparison.renderTable(true));
            return ExitCodes.OK;
        }
        if (runs.size() != 1) {
            throw new UserException("eval takes one run directory (or several with --compare), got " + runs.size());
        }
        RunDirectory run = runDirectory(runs.get(0));
        RecipeContext context = RecipeContext.open(run.recipe(), sets, root.pluginDirs());
        Recipe recipe = context.injector().getInstance(Recipe.class);
        EvaluationSession.evaluateRun(recipe, run, checkpoint, Path.of("").toAbsolutePath(), System.out);
        return ExitCodes.OK;
    }

    static RunDirectory runDirectory(Path dir) {
        if (!Files.isRegularFile(dir.resolve("recipe.yaml"))) {
            throw new UserException(dir + " is not a run directory (it has no recipe.yaml); pass runs/<name>/version_<n>");
        }
        return RunDirectory.existing(dir);
    }

    private static EvalReport readResults(Path run) {
        Path file = run.resolve(EvalReport.JSON_FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserException(run + " has no " + EvalReport.JSON_FILE + "; run 'scale4j eval " + run + "' first");
        }
        try {
            return EvalReport.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
