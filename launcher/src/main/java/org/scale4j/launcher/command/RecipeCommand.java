package org.scale4j.launcher.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code scale4j recipe}: validate, print and describe recipes. */
@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = "Validate, print and describe recipes.",
        subcommands = {RecipeValidateCommand.class, RecipePrintCommand.class, RecipeSchemaCommand.class,
            RecipeDocCommand.class})
public final class RecipeCommand implements Runnable {

    @ParentCommand
    ScaleCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
