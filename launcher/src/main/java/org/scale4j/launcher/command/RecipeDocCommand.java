package org.scale4j.launcher.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scale4j.launcher.ExitCodes;
import org.scale4j.launcher.UserException;
import org.scale4j.launcher.plugin.PluginRegistry;
import org.scale4j.launcher.recipe.RecipeReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code scale4j recipe doc [--out FILE | --update FILE]}: the recipe key reference in Markdown,
 * generated from the recipe records and the discovered plugins' config records
 * ({@link RecipeReference}). {@code --update docs/recipes.md} replaces everything after the
 * {@link RecipeReference#MARKER} line, which is how the committed reference is kept in step.
 */
@Command(name = "doc", mixinStandardHelpOptions = true,
        description = "Print the recipe key reference (Markdown) with the discovered plugins' parameters.")
public final class RecipeDocCommand implements Callable<Integer> {

    @ParentCommand
    private RecipeCommand recipe;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true)
    private Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "FILE", description = "Write the reference to FILE.")
        Path out;

        @Option(names = "--update", paramLabel = "FILE",
                description = "Replace the generated part of FILE (after its marker line), e.g. docs/recipes.md.")
        Path update;
    }

    @Override
    public Integer call() throws IOException {
        String reference = RecipeReference.markdown(PluginRegistry.discover(recipe.root.pluginDirs()));
        if (target == null) {
            spec.commandLine().getOut().print(reference);
            spec.commandLine().getOut().flush();
        } else if (target.out != null) {
            RecipeSchemaCommand.write(target.out, reference);
        } else {
            RecipeSchemaCommand.write(target.update, updated(target.update, reference));
        }
        return ExitCodes.OK;
    }

    /** {@code file}'s text up to and including the marker line, then {@code reference}. */
    public static String updated(Path file, String reference) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException("cannot update " + file + ": no such file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(RecipeReference.MARKER);
        if (at < 0) {
            throw new UserException(file + " has no line '" + RecipeReference.MARKER
                    + "'; add it where the generated reference should start");
        }
        return text.substring(0, at + RecipeReference.MARKER.length()) + "\n\n" + reference;
    }
}
