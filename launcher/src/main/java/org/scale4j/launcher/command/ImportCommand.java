package org.scale4j.launcher.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scale4j import <format>}: converts published datasets into the canonical Arrow layout. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a published dataset into the canonical Arrow layout.",
        subcommands = {ImportM5ProductCommand.class})
public final class ImportCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name the format to import: " + String.join(", ", spec.subcommands().keySet()));
    }
}
