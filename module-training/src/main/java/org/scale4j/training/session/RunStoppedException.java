package org.scale4j.training.session;

import java.nio.file.Path;
import org.scale4j.training.checkpoint.CheckpointStore;
import org.scale4j.training.monitor.TensorBoardWriteException;
import org.scale4j.training.run.RunDirectory;

/**
 * A run stopped for a reason outside the model that the user must fix, and the recipe asks for a
 * stop rather than training on: today, event files that cannot be written with
 * {@code tensorboard.fail_on_error: true}. The message says what failed, which checkpoint is the
 * last good one and how to go on. The CLI prints it without a stack trace and exits 2.
 */
public final class RunStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private RunStoppedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The TensorBoard writer of {@code run} failed; names the newest checkpoint that verifies. */
    static RunStoppedException eventFilesFailed(TensorBoardWriteException e, RunDirectory run) {
        Path lastGood = new CheckpointStore(run.checkpoints(), 1, w -> { }).latestValid().orElse(null);
        return new RunStoppedException(e.getMessage() + ". Training stopped (tensorboard.fail_on_error: true). "
                + (lastGood == null
                        ? "No checkpoint was written before it; free space and start again."
                        : "The last good checkpoint is " + lastGood + "; free space, then continue with --resume "
                                + run.path() + " (or set tensorboard.fail_on_error: false to train on without event "
                                + "files)."), e);
    }
}
