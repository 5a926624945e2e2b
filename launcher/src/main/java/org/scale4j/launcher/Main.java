package org.scale4j.launcher;

/** The {@code scale4j} entry point: runs the CLI and exits with its status (see {@link ExitCodes}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
