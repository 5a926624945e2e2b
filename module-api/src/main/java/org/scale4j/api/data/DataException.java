package org.scale4j.api.data;

/**
 * A problem with the user's data. The message names the file, the column, the row id and the
 * recipe key to change, and says what to do; the CLI prints it without a stack trace and exits 2.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
