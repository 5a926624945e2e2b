package org.scale4j.launcher;

import org.scale4j.training.loop.StopSignal;

/** The {@code scale4j} entry point: runs the CLI and exits with its status (see {@link ExitCodes}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.run(args);
        if (StopSignal.signalled()) {
            // SIGINT/SIGTERM started the JVM's shutdown, which would end the process with 128 + the
            // signal, and System.exit would block behind it. The checkpoint is written and the
            // output flushed (Cli.run flushes), so end now with the documented status (130).
            Runtime.getRuntime().halt(status);
        }
        System.exit(status);
    }
}
