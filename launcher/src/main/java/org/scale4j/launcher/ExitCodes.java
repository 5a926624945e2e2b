package org.scale4j.launcher;

/** The exit statuses of the {@code scale4j} command. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** An internal error: a bug in scale4j or a plugin; the stack trace is printed. */
    public static final int INTERNAL_ERROR = 1;
    /** A user error: bad recipe, bad data, bad arguments, broken plugin jar; one short message. */
    public static final int USER_ERROR = 2;

    /** Training stopped on SIGINT/SIGTERM after writing a checkpoint; it can be resumed. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
