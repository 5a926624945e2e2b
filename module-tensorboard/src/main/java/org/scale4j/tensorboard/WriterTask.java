package org.scale4j.tensorboard;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** One unit of work for the writer thread; the caller only builds it and queues it. */
sealed interface WriterTask {

    /** An event, encoded on the writer thread so the caller pays only for the queue put. */
    @FunctionalInterface
    non-sealed interface Event extends WriterTask {
        /** The encoded {@code Event} message (not yet framed). */
        byte[] encode();
    }

    /** Projector files, written on the writer thread. */
    @FunctionalInterface
    non-sealed interface Files extends WriterTask {
        void write(ProjectorWriter projector) throws IOException;
    }

    /**
     * A task holding a large payload (image pixels, embedding vectors); {@code bytes} counts
     * against the writer's queued-bytes budget until the writer thread takes it.
     */
    record Sized(WriterTask task, long bytes) implements WriterTask {
    }

    /** Write out everything before this task, force it to disk, then complete {@code done}. */
    record Flush(CompletableFuture<Void> done) implements WriterTask {
    }

    /** Flush, close the file and end the writer thread. */
    record Close() implements WriterTask {
    }
}
