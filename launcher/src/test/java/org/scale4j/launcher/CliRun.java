package org.scale4j.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the CLI with its exit status and captured output.
 *
 * @param status the exit status
 * @param out what the command wrote to standard output
 * @param err what the command wrote to standard error
 */
public record CliRun(int status, String out, String err) {

    /** Runs {@code scale4j args...} in this JVM. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
