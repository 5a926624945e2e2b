package org.scale4j.training.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file that fails its integrity check; the message names the file and the defect. */
public final class CorruptCheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CorruptCheckpointException(Path file, String defect) {
        super("checkpoint " + file + " is corrupt: " + defect);
        this.file = file;
    }

    /** The corrupt file. */
    public Path file() {
        return file;
    }
}
