package org.scale4j.tensorboard;

/**
 * How a training session ended, as the hparams dashboard shows it in its "Session status" column.
 * The numbers are those of {@code tensorboard.hparams.Status}.
 */
public enum SessionStatus {
    UNKNOWN(0),
    SUCCESS(1),
    FAILURE(2),
    RUNNING(3);

    private final int number;

    SessionStatus(int number) {
        this.number = number;
    }

    /** The protobuf enum number. */
    public int number() {
        return number;
    }
}
