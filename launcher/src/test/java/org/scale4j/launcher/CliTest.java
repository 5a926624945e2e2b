package org.scale4j.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: scale4j [-hV] [--plugins=DIR]... [COMMAND]\n"), run.out());
        assertTrue(run.out().contains("  plugins  List the discovered plugins by kind, with module and jar.\n"), run.out());
        assertTrue(run.out().contains("  recipe   Validate, print and describe recipes.\n"), run.out());
        CliRun recipe = CliRun.of("recipe", "--help");
        assertTrue(recipe.out().contains("  validate  Check recipes: YAML, includes, keys, types, ranges and plugin names.\n"),
                recipe.out());
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status());
        assertEquals("scale4j " + VersionInfo.version(), run.out().lines().findFirst().orElseThrow());
        assertTrue(VersionInfo.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), VersionInfo.version());
    }

    @Test
    void badArgumentsAreUserErrors() {
        CliRun unknown = CliRun.of("trian");
        assertEquals(2, unknown.status());
        assertEquals("error: Unmatched argument at index 0: 'trian'\nDid you mean: scale4j train?\n"
                + "Try 'scale4j --help' for more information.\n", unknown.err());
        CliRun none = CliRun.of();
        assertEquals(2, none.status());
        assertEquals("error: a command is required: train, eval, embed, synth, inspect, import, runs, plugins, recipe, help\nTry 'scale4j --help' for more information.\n", none.err());
        CliRun missingFile = CliRun.of("recipe", "validate");
        assertEquals(2, missingFile.status());
        assertTrue(missingFile.err().startsWith("error: Missing required parameter: 'FILE'\n"), missingFile.err());
        CliRun noSuchFile = CliRun.of("recipe", "print", "does/not/exist.yaml");
        assertEquals(2, noSuchFile.status());
        assertEquals("error: does/not/exist.yaml: no such file\n", noSuchFile.err());
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void internalErrorsPrintTheTraceAndExitWithOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new org.scale4j.launcher.command.ScaleCommand());
        commandLine.addSubcommand("boom", new Boom());
        Cli.configure(commandLine, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, commandLine.execute("boom"));
        assertTrue(err.toString().startsWith("internal error (a bug in scale4j or a plugin; please report it with this trace):\n"
                + "java.lang.IllegalStateException: a bug\n\tat "), err.toString());
    }
}
