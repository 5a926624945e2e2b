package org.scale4j.launcher.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scale4j.launcher.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scale4j recipe print FILE}: the resolved recipe (includes and overrides applied, every
 * default written out) as YAML; it loads back to the same recipe.
 */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print the resolved recipe: includes and --set applied, defaults filled.")
public final class RecipePrintCommand implements Callable<Integer> {

    @ParentCommand
    private RecipeCommand recipe;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The recipe file.")
    private Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a recipe value, e.g. trainer.optimizer.lr=3e-4 (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        RecipeContext context = RecipeContext.open(file, sets, recipe.root.pluginDirs());
        spec.commandLine().getOut().print(context.resolved().yaml());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
