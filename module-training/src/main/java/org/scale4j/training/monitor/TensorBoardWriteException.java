package org.scale4j.training.monitor;

/**
 * The TensorBoard event files of a run cannot be written (a full disk, a run directory that became
 * read-only) and the recipe asks for that to stop the run ({@code tensorboard.fail_on_error: true}).
 * Thrown by the {@link TensorBoardListener} callback that follows the failure, so the training loop
 * stops at a step boundary; the message names the file and the cause. The training session adds
 * which checkpoint is the last good one.
 */
public final class TensorBoardWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TensorBoardWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
