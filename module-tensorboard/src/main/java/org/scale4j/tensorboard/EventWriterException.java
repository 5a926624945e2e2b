package org.scale4j.tensorboard;

/**
 * A problem of an {@link EventWriter}: an event file that could not be written, a file removed
 * while it was written, or events dropped because the queue was full. The message names the
 * directory or file and says what happens next.
 *
 * <p>By default these are only reported (to the writer's error handler); with
 * {@link EventWriter.Builder#optFailOnError(boolean) failOnError} an I/O failure is also thrown by
 * the next call on the writer.
 */
public final class EventWriterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventWriterException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventWriterException(String message) {
        super(message);
    }
}
