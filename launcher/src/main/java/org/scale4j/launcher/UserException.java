package org.scale4j.launcher;

/**
 * A mistake the user can fix (bad argument, missing file, broken plugin jar). The CLI prints the
 * message without a stack trace and exits with {@link ExitCodes#USER_ERROR}. Recipe problems use
 * {@link org.scale4j.api.config.ConfigException} and data problems
 * {@link org.scale4j.api.data.DataException}, which the CLI treats the same way.
 */
public class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
