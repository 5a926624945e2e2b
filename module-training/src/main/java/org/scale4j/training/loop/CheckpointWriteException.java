package org.scale4j.training.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A checkpoint could not be written (a full disk, a directory that became read-only). The run
 * stops at once rather than train on without a way back; the checkpoints written before stay
 * valid (a failed write leaves no file under a checkpoint's name), and the message says how to go on.
 */
public final class CheckpointWriteException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public CheckpointWriteException(long step, Path directory, Path lastGood, IOException cause) {
        super("cannot write the checkpoint of step " + step + " to " + directory + ": " + describe(cause)
                + ". Training stopped. " + (lastGood == null
                        ? "No earlier checkpoint exists; free space and start again."
                        : "Free space, then continue from " + lastGood.getFileName() + " with --resume "
                                + directory.toAbsolutePath().getParent() + "."), cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
