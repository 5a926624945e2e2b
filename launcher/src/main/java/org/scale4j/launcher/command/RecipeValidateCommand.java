package org.scale4j.launcher.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scale4j recipe validate FILE...}: loads, binds and wires each recipe; prints {@code ok}
 * per valid file and every problem of the others, and exits 2 if any is invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check recipes: YAML, includes, keys, types, ranges and plugin names.")
public final class RecipeValidateCommand implements Callable<Integer> {

    @ParentCommand
    private RecipeCommand recipe;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recipe files.")
    private List<Path> files;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a recipe value, e.g. trainer.optimizer.lr=3e-4 (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path file : files) {
            try {
                RecipeContext context = RecipeContext.open(file, sets, recipe.root.pluginDirs());
                context.injector().getInstance(Recipe.class);
                out.println("ok " + file);
            } catch (RuntimeException e) {
                if (!Cli.isUserError(e)) {
                    throw e;
                }
                invalid++;
                err.println("error: " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        if (invalid > 0 && files.size() > 1) {
            err.println(invalid + " of " + files.size() + " recipes are invalid");
            err.flush();
        }
        return invalid == 0 ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }
}
