package org.scale4j.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.data.DataException;
import org.scale4j.training.loop.CheckpointWriteException;
import org.scale4j.training.loop.TrainingDivergedException;
import org.scale4j.training.session.RunSetupException;
import org.scale4j.training.session.RunStoppedException;
import org.scale4j.launcher.command.ScaleCommand;
import picocli.CommandLine;

/**
 * Runs the {@code scale4j} command line without exiting the JVM, so tests can call it in-process.
 *
 * <p>Exit statuses follow {@link ExitCodes}: a user error (bad arguments, a {@link ConfigException},
 * a {@link DataException}, a {@link UserException}, a diverged run, a checkpoint that cannot be
 * written, event files that cannot be written with {@code tensorboard.fail_on_error}) prints
 * {@code error: } and the message, with no stack trace, and gives 2; anything else is a bug,
 * printed with its stack trace, and gives 1.
 */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code args} with the process's standard output and error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs {@code args}, writing results to {@code out} and diagnostics to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(out, err);
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The configured picocli command tree (for tests and for docs that render usage). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new ScaleCommand()), out, err);
    }

    /**
     * Applies the output streams and the exit-status rules to {@code commandLine} and every
     * subcommand it has now (picocli settings do not reach subcommands added later).
     */
    public static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(Cli::handleExecutionException);
        commandLine.setParameterExceptionHandler(Cli::handleParameterException);
        return commandLine;
    }

    private static int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (isUserError(e)) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println("internal error (a bug in scale4j or a plugin; please report it with this trace):");
        err.print(trace);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USER_ERROR;
    }

    /**
     * Whether {@code e} is the user's mistake or a condition the user must fix (a run that diverged,
     * a disk that filled up) rather than a bug: a clear message is all it needs.
     */
    public static boolean isUserError(Throwable e) {
        return e instanceof ConfigException || e instanceof DataException || e instanceof UserException
                || e instanceof RunSetupException || e instanceof TrainingDivergedException
                || e instanceof CheckpointWriteException || e instanceof RunStoppedException;
    }
}
