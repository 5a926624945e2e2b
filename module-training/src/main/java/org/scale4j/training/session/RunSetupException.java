package org.scale4j.training.session;

/**
 * A run cannot start or continue because of something the user can fix: a device that is not
 * there, a run directory or checkpoint to resume that does not exist, a recipe that does not fit
 * the checkpoint. The CLI prints the message without a stack trace and exits 2.
 */
public final class RunSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunSetupException(String message) {
        super(message);
    }

    public RunSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
