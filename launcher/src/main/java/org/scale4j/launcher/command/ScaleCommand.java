package org.scale4j.launcher.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scale4j.launcher.VersionInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code scale4j} command. Subcommands are one class each, listed here; a new command
 * (train, eval, ...) is a class with {@code @Command(name = ...)} added to {@code subcommands}.
 */
@Command(
        name = "scale4j",
        mixinStandardHelpOptions = true,
        versionProvider = ScaleCommand.Version.class,
        description = "Multi-modal product pretraining (SCALE) with YAML recipes and plugins.",
        subcommands = {TrainCommand.class, EvalCommand.class, EmbedCommand.class, SynthCommand.class,
            InspectCommand.class, ImportCommand.class, RunsCommand.class,
            PluginsCommand.class,
            RecipeCommand.class, CommandLine.HelpCommand.class})
public final class ScaleCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "A directory of plugin jars, each loaded into its own module layer (repeatable).")
    private List<Path> pluginDirs = new ArrayList<>();

    /** The {@code --plugins} directories given on the command line. */
    public List<Path> pluginDirs() {
        return List.copyOf(pluginDirs);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code --version}: the scale4j version and the Java runtime. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "scale4j " + VersionInfo.version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }
    }
}
