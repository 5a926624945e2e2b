package org.scale4j.tensorboard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.scale4j.tensorboard.internal.EventFileSink;
import org.scale4j.tensorboard.internal.RecordFraming;

/**
 * The body of a writer's background thread: takes tasks from the queue, writes records, flushes
 * every interval, and handles I/O failures.
 *
 * <p>Failure handling: the first failure of an episode goes to the error handler; the file is
 * abandoned and events are dropped (and counted) until the retry time, one flush interval later,
 * when the next event tries a new file. A success ends the episode, so a later failure is reported
 * again. An event file deleted while open (e.g. {@code rm -rf} of the run) is noticed at the next
 * interval, reported, and writing continues in a new file. With {@code failOnError} the first
 * failure is handed to {@code failure} and everything after it is dropped.
 */
final class WriterLoop implements Runnable {

    private final BlockingQueue<WriterTask> queue;
    private final EventFileSink sink;
    private final ProjectorWriter projector;
    private final Path logDir;
    private final long flushNanos;
    private final boolean failOnError;
    private final Consumer<EventWriterException> errorHandler;
    private final Consumer<EventWriterException> failure;
    private final LongAdder dropped;
    private final AtomicLong queuedBytes;

    private boolean failing;
    private boolean failed;
    private long retryAtNanos;

    WriterLoop(BlockingQueue<WriterTask> queue, Path logDir, Duration flushInterval, boolean failOnError,
            Consumer<EventWriterException> errorHandler, Consumer<EventWriterException> failure,
            LongAdder dropped, AtomicLong queuedBytes, Clock clock) {
        this.queue = queue;
        this.logDir = logDir;
        this.sink = new EventFileSink(logDir, clock);
        this.projector = new ProjectorWriter(logDir);
        this.flushNanos = flushInterval.toNanos();
        this.failOnError = failOnError;
        this.errorHandler = errorHandler;
        this.failure = failure;
        this.dropped = dropped;
        this.queuedBytes = queuedBytes;
    }

    @Override
    public void run() {
        long nextFlush = System.nanoTime() + flushNanos;
        try {
            while (true) {
                long wait = nextFlush - System.nanoTime();
                WriterTask task = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
                if (task instanceof WriterTask.Close) {
                    break;
                }
                if (task != null) {
                    handle(task);
                }
                if (System.nanoTime() - nextFlush >= 0) {
                    intervalFlush();
                    nextFlush = System.nanoTime() + flushNanos;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutDown();
        }
    }

    private void handle(WriterTask task) {
        if (task instanceof WriterTask.Sized sized) {
            queuedBytes.addAndGet(-sized.bytes());
            handle(sized.task());
        } else if (task instanceof WriterTask.Event event) {
            writeEvent(event);
        } else if (task instanceof WriterTask.Files files) {
            writeFiles(files);
        } else if (task instanceof WriterTask.Flush flush) {
            guarded(() -> sink.flush(true), "flush");
            flush.done().complete(null);
        }
    }

    private void writeEvent(WriterTask.Event event) {
        if (!mayTry()) {
            dropped.increment();
            return;
        }
        // encoding inside the guard too: a bad event must cost one event, not the writer thread
        succeeded(guarded(() -> sink.write(RecordFraming.frame(event.encode())), "write"));
    }

    private void writeFiles(WriterTask.Files files) {
        if (!mayTry()) {
            dropped.increment();
            return;
        }
        succeeded(guarded(() -> files.write(projector), "write projector files in"));
    }

    /** Counts a failed write as dropped; a successful one ends a failure episode. */
    private void succeeded(boolean ok) {
        if (ok) {
            failing = false;
        } else {
            dropped.increment();
        }
    }

    private void intervalFlush() {
        if (sink.fileVanished()) {
            Path gone = sink.currentFile();
            dropped.add(sink.abandon());
            fail(new EventWriterException("TensorBoard event file " + gone + " was removed while it was written; "
                    + "later events go to a new file in " + logDir));
            failing = false; // a new file is tried right away
            return;
        }
        guarded(() -> sink.flush(true), "flush");
    }

    /** Whether an event may be attempted: not failed for good and not waiting for the retry time. */
    private boolean mayTry() {
        if (failed) {
            return false;
        }
        return !failing || System.nanoTime() - retryAtNanos >= 0;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs {@code action}; on failure reports (once per episode), abandons the file and returns false. */
    private boolean guarded(IoAction action, String what) {
        if (failed) {
            return false;
        }
        try {
            action.run();
            return true;
        } catch (IOException | RuntimeException e) {
            String target = describeTarget();
            dropped.add(sink.abandon()); // the records it held in its buffer are lost with it
            retryAtNanos = System.nanoTime() + flushNanos;
            if (!failing) {
                fail(new EventWriterException("TensorBoard writer cannot " + what + " " + target + ": " + describe(e)
                        + (failOnError ? "; the writer has stopped" : "; events are dropped and a new file is tried every "
                                + Duration.ofNanos(flushNanos).toMillis() + " ms"), e));
            }
            failing = true;
            return false;
        }
    }

    /** {@code IOException (No space left on device)}: the kind of problem and the system's words for it. */
    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private String describeTarget() {
        Path file = sink.currentFile();
        return file != null ? file.toString() : logDir.toString();
    }

    private void fail(EventWriterException e) {
        if (failOnError) {
            // before the handler runs, so that a caller woken by the handler already sees the failure
            failed = true;
            failure.accept(e);
        }
        try {
            errorHandler.accept(e);
        } catch (RuntimeException handlerFailure) {
            // a broken handler must not end the writer thread
        }
    }

    private void shutDown() {
        guarded(sink::close, "close");
        dropped.add(sink.abandon());
        WriterTask left;
        while ((left = queue.poll()) != null) {
            if (left instanceof WriterTask.Flush flush) {
                flush.done().complete(null);
            } else if (!(left instanceof WriterTask.Close)) {
                if (left instanceof WriterTask.Sized sized) {
                    queuedBytes.addAndGet(-sized.bytes());
                }
                dropped.increment();
            }
        }
    }
}
