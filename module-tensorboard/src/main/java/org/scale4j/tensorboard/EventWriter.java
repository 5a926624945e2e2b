package org.scale4j.tensorboard;

import com.google.protobuf.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.scale4j.tensorboard.internal.Events;
import org.scale4j.tensorboard.internal.Histograms;
import org.scale4j.tensorboard.internal.Hparams;
import org.scale4j.tensorboard.internal.Png;

/**
 * Writes one TensorBoard run: a directory of {@code events.out.tfevents.*} files (plus projector
 * files) that {@code tensorboard --logdir <parent>} shows as one run.
 *
 * <pre>{@code
 * try (EventWriter tb = EventWriter.builder().setLogDir(Path.of("runs/quickstart/v0")).build()) {
 *     tb.addScalar("loss/total", 2.31, 1);
 *     tb.addHistogram("weights/encoder.text", weights, 1);
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> Every {@code add} method only builds a small task and puts it on a bounded
 * queue; a daemon thread encodes and writes. When the queue is full the caller waits at most
 * {@link Builder#optPutTimeout put timeout} (default 20 ms) and then drops the event: it is counted
 * in {@link #droppedEvents()} and the first drop is reported to the error handler. So an
 * {@code add} call never waits longer than the put timeout, whatever the disk does. Queued images
 * and embeddings are also limited in bytes ({@link Builder#optMaxQueuedBytes}, default 64 MiB);
 * past that they are dropped the same way. Histograms are binned on the calling thread (two passes
 * over the values, no copy), so the queue holds ~30 bins and never a large array; images and
 * embeddings are copied. The caller may reuse its arrays at once. All methods are thread-safe.
 *
 * <p><b>Durability.</b> Records are flushed and forced to disk every
 * {@link Builder#optFlushInterval flush interval} (default 10 s), by {@link #flush()}, by
 * {@link #close()}, and at JVM exit by a shutdown hook that {@link #close()} removes again. The
 * hook only flushes: it leaves the writer open, because the JVM runs every hook at once and the
 * writer's owner may still be finishing in another one (a training loop that got SIGTERM writes
 * its last step and closes its writer while the JVM waits in the loop's stop hook). Closing in
 * the hook would drop whatever that owner adds afterwards.
 *
 * <p><b>Errors.</b> An I/O failure (disk full, directory removed, no permission) is reported once
 * to the error handler (default: a {@link System.Logger} warning) and writing is retried with a new
 * file every flush interval, dropping events in between. With {@link Builder#optFailOnError
 * failOnError} the failure stops the writer instead, and every later call on it throws the
 * {@link EventWriterException}. Wrong arguments (blank tag, empty array) throw
 * {@link IllegalArgumentException} at once; that is a bug of the caller, not of the disk.
 */
public final class EventWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventWriter.class.getName());

    private final Path logDir;
    private final BlockingQueue<WriterTask> queue;
    private final long putTimeoutNanos;
    private final long closeTimeoutNanos;
    private final int histogramBins;
    private final Clock clock;
    private final Consumer<? super EventWriterException> errorHandler;
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long maxQueuedBytes;
    private final AtomicBoolean dropReported = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<EventWriterException> failure = new AtomicReference<>();
    private final Set<String> scalarTags = ConcurrentHashMap.newKeySet();
    private final AtomicReference<SortedMap<String, Value>> sessionHparams = new AtomicReference<>();
    private final Thread thread;
    private final Thread shutdownHook;

    private EventWriter(Builder b) {
        this.logDir = b.logDir;
        this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
        this.putTimeoutNanos = b.putTimeout.toNanos();
        this.closeTimeoutNanos = b.closeTimeout.toNanos();
        this.histogramBins = b.histogramBins;
        this.clock = b.clock;
        this.errorHandler = b.errorHandler;
        this.maxQueuedBytes = b.maxQueuedBytes;
        WriterLoop loop = new WriterLoop(queue, logDir, b.flushInterval, b.failOnError, this::report,
                e -> failure.compareAndSet(null, e), dropped, queuedBytes, clock);
        this.thread = new Thread(loop, "scale4j-tensorboard-writer " + logDir);
        thread.setDaemon(true);
        thread.start();
        if (b.shutdownHook) {
            shutdownHook = new Thread(this::flushAtExit, "scale4j-tensorboard-shutdown " + logDir);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /** A builder; {@link Builder#setLogDir} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The run directory this writer writes into. */
    public Path logDir() {
        return logDir;
    }

    /**
     * Adds a scalar. It is stored as a 32-bit float ({@code simple_value}), which every TensorBoard
     * version reads; NaN and infinities are kept.
     *
     * @param tag the chart name; {@code /} groups charts into sections, e.g. {@code loss/total}
     */
    public void addScalar(String tag, double value, long step) {
        checkTag(tag);
        scalarTags.add(tag);
        double wallTime = wallTime();
        float v = (float) value;
        submit((WriterTask.Event) () -> Events.summaryEvent(wallTime, step, Events.scalarValue(tag, v)));
    }

    /**
     * Adds several scalars of one step as one event (one record), which is cheaper than one
     * {@link #addScalar} per value. Tags iterate in the map's order.
     */
    public void addScalars(Map<String, ? extends Number> scalars, long step) {
        List<String> tags = new ArrayList<>(scalars.size());
        float[] values = new float[scalars.size()];
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : scalars.entrySet()) {
            checkTag(e.getKey());
            tags.add(e.getKey());
            values[i++] = Objects.requireNonNull(e.getValue(), () -> "scalar '" + e.getKey() + "' is null").floatValue();
        }
        if (tags.isEmpty()) {
            return;
        }
        scalarTags.addAll(tags);
        double wallTime = wallTime();
        submit((WriterTask.Event) () -> {
            List<byte[]> encoded = new ArrayList<>(tags.size());
            for (int j = 0; j < values.length; j++) {
                encoded.add(Events.scalarValue(tags.get(j), values[j]));
            }
            return Events.summaryEvent(wallTime, step, encoded);
        });
    }

    /**
     * Adds a histogram of {@code values} with {@link Builder#optHistogramBins} equal-width bins
     * between their minimum and maximum. NaN and infinite values are left out. The values are
     * binned on the calling thread (about 10 ns per value), so only the bins are queued.
     *
     * @param values at least one value; not kept
     */
    public void addHistogram(String tag, float[] values, long step) {
        checkTag(tag);
        if (values.length == 0) {
            throw new IllegalArgumentException("histogram '" + tag + "' needs at least one value");
        }
        checkFailure();
        byte[] histogram = Histograms.encode(values, histogramBins);
        double wallTime = wallTime();
        submit((WriterTask.Event) () -> Events.summaryEvent(wallTime, step, Events.histogramValue(tag, histogram)));
    }

    /** Adds an image, PNG-encoded on the writer thread; it shows in the Images dashboard. */
    public void addImage(String tag, Image image, long step) {
        checkTag(tag);
        Objects.requireNonNull(image, "image");
        double wallTime = wallTime();
        submitSized((WriterTask.Event) () -> Events.summaryEvent(wallTime, step, Events.imageValue(tag, image.width(),
                image.height(), image.channels(), Png.encode(image.width(), image.height(), image.channels(),
                        image.pixelsUnsafe()))), image.pixelsUnsafe().length);
    }

    /**
     * Adds Markdown text for the Text dashboard, under the tag {@code <tag>/text_summary} (the name
     * PyTorch uses, so runs of both compare side by side).
     */
    public void addText(String tag, String markdown, long step) {
        checkTag(tag);
        Objects.requireNonNull(markdown, "markdown");
        double wallTime = wallTime();
        String fullTag = tag + "/text_summary";
        submit((WriterTask.Event) () -> Events.summaryEvent(wallTime, step, Events.textValue(fullTag, markdown)));
    }

    /**
     * Starts this run's hparams session: writes {@code session_start_info} with every hparam, in
     * this run's directory (next to its scalars, so the hparams dashboard finds both). Call once,
     * before {@link #addHparamsSessionEnd}.
     *
     * <p>Give every run of an experiment the same key set (fill absent ones with a default):
     * TensorBoard hides sessions whose keys differ. Numbers become FLOAT64 columns, booleans BOOL,
     * anything else its {@code toString()} (null becomes {@code "null"}).
     *
     * @throws IllegalStateException when a session was already started
     */
    public void addHparamsSessionStart(Map<String, ?> hparams) {
        checkFailure();
        SortedMap<String, Value> values = Hparams.toValues(hparams);
        for (String key : values.keySet()) {
            checkTag(key);
        }
        if (!sessionHparams.compareAndSet(null, values)) {
            throw new IllegalStateException("hparams session of " + logDir + " was already started");
        }
        double wallTime = wallTime();
        submit((WriterTask.Event) () -> Events.summaryEvent(wallTime, 0, Events.metadataOnlyValue(
                Hparams.SESSION_START_TAG, Hparams.PLUGIN_NAME, Hparams.sessionStart(values, wallTime))));
    }

    /**
     * Ends the hparams session: writes the {@code experiment} (the started session's hparam key set
     * and {@code metricTags} as metric columns) and {@code session_end_info} with {@code status}.
     *
     * @param metricTags scalar tags already added to this writer, shown as metric columns (their
     *     last value); e.g. {@code loss/total} or {@code eval/coarse/mAP@1}
     * @throws IllegalStateException when no session was started
     * @throws IllegalArgumentException when a metric tag was never added as a scalar here
     */
    public void addHparamsSessionEnd(SessionStatus status, Collection<String> metricTags, long step) {
        checkFailure();
        Objects.requireNonNull(status, "status");
        SortedMap<String, Value> values = sessionHparams.get();
        if (values == null) {
            throw new IllegalStateException("hparams session of " + logDir
                    + " was not started; call addHparamsSessionStart first");
        }
        List<String> unknown = metricTags.stream().filter(t -> !scalarTags.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("hparams metric tags " + unknown + " were never written as scalars to "
                    + logDir + ", so TensorBoard would show no value; scalar tags written: " + new TreeSet<>(scalarTags));
        }
        List<String> metrics = List.copyOf(new TreeSet<>(metricTags));
        double wallTime = wallTime();
        submit((WriterTask.Event) () -> Events.summaryEvent(wallTime, step, Events.metadataOnlyValue(
                Hparams.EXPERIMENT_TAG, Hparams.PLUGIN_NAME, Hparams.experiment(values, metrics, wallTime, ""))));
        submit((WriterTask.Event) () -> Events.summaryEvent(wallTime, step, Events.metadataOnlyValue(
                Hparams.SESSION_END_TAG, Hparams.PLUGIN_NAME, Hparams.sessionEnd(status.number(), wallTime))));
    }

    /**
     * Adds points for the embedding projector: {@code <step>/<tag>/tensors.tsv} (and
     * {@code metadata.tsv}, {@code sprite.png}), registered in this run's
     * {@code projector_config.pbtxt}. Files are written on the writer thread.
     */
    public void addEmbedding(Embedding embedding, long step) {
        Objects.requireNonNull(embedding, "embedding");
        if (step < 0) {
            throw new IllegalArgumentException("embedding step must be >= 0, got " + step);
        }
        long bytes = (long) embedding.vectorsUnsafe().length * embedding.vectorsUnsafe()[0].length * Float.BYTES
                + embedding.sprites().stream().mapToLong(i -> i.pixelsUnsafe().length).sum();
        submitSized((WriterTask.Files) projector -> projector.write(embedding, step), bytes);
    }

    /** The tags added as scalars so far, sorted. */
    public Set<String> scalarTags() {
        return new TreeSet<>(scalarTags);
    }

    /**
     * How many events were dropped: queue full, I/O failure (counting the events that were buffered
     * for the failing file and did not reach it whole), or added after {@link #close()}.
     */
    public long droppedEvents() {
        return dropped.sum();
    }

    /**
     * Writes out everything added before this call and forces it to disk. Blocks, at most the close
     * timeout (default 30 s).
     *
     * @throws EventWriterException with failOnError, when writing failed
     */
    public void flush() {
        checkFailure();
        if (closed.get()) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            if (queue.offer(new WriterTask.Flush(done), closeTimeoutNanos, TimeUnit.NANOSECONDS)) {
                done.get(closeTimeoutNanos, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            report(new EventWriterException("TensorBoard writer for " + logDir + " did not flush within "
                    + Duration.ofNanos(closeTimeoutNanos).toMillis() + " ms", e));
        }
        checkFailure();
    }

    /**
     * Writes out everything queued, closes the file and stops the writer thread (waiting at most
     * the close timeout). Later {@code add} calls are dropped. Calling it again does nothing.
     *
     * @throws EventWriterException with failOnError, when writing failed
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                if (queue.offer(new WriterTask.Close(), closeTimeoutNanos, TimeUnit.NANOSECONDS)) {
                    thread.join(TimeUnit.NANOSECONDS.toMillis(closeTimeoutNanos) + 1);
                }
                if (thread.isAlive()) {
                    report(new EventWriterException("TensorBoard writer for " + logDir + " did not finish within "
                            + Duration.ofNanos(closeTimeoutNanos).toMillis() + " ms; queued events may be lost"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            removeShutdownHook();
        }
        checkFailure();
    }

    /**
     * The shutdown hook: forces out what was added so far and leaves the writer open (see the class
     * doc); an owner that is still finishing adds its last events and closes the writer itself.
     */
    private void flushAtExit() {
        try {
            flush();
        } catch (EventWriterException e) {
            // already reported to the error handler; nobody is left to throw to
        }
    }

    /** The shutdown hook, for tests; null when disabled. */
    Thread shutdownHook() {
        return shutdownHook;
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs (and finds the writer closed)
        }
    }

    /** Queues a task with a large payload, unless the queued payloads would pass the byte budget. */
    private void submitSized(WriterTask task, long bytes) {
        checkFailure();
        long before = queuedBytes.getAndAdd(bytes);
        // one payload larger than the whole budget still goes through when nothing else is queued
        if (before > 0 && before + bytes > maxQueuedBytes) {
            queuedBytes.addAndGet(-bytes);
            dropped(new EventWriterException("TensorBoard writer for " + logDir + ": queued images and embeddings "
                    + "exceed " + maxQueuedBytes + " bytes, events are dropped; droppedEvents() counts them. Add them "
                    + "less often or raise optMaxQueuedBytes"));
            return;
        }
        if (!submit(new WriterTask.Sized(task, bytes))) {
            queuedBytes.addAndGet(-bytes);
        }
    }

    /** Queues a task, waiting at most the put timeout; returns whether it was queued. */
    private boolean submit(WriterTask task) {
        checkFailure();
        if (closed.get()) {
            dropped.increment();
            return false;
        }
        boolean queued;
        try {
            queued = putTimeoutNanos == 0 ? queue.offer(task) : queue.offer(task, putTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (!queued) {
            dropped(new EventWriterException("TensorBoard writer for " + logDir + ": queue full (" + queue.size()
                    + " events), events are dropped; droppedEvents() counts them. Raise optQueueCapacity "
                    + "or optPutTimeout if the disk is slow"));
        }
        return queued;
    }

    /** Counts a dropped event; the first drop of this writer is reported. */
    private void dropped(EventWriterException firstDropReport) {
        dropped.increment();
        if (dropReported.compareAndSet(false, true)) {
            report(firstDropReport);
        }
    }

    private void report(EventWriterException e) {
        try {
            errorHandler.accept(e);
        } catch (RuntimeException ignored) {
            // a broken handler must not break training
        }
    }

    private void checkFailure() {
        EventWriterException e = failure.get();
        if (e != null) {
            throw new EventWriterException(e.getMessage(), e);
        }
    }

    private static void checkTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("TensorBoard tag must not be blank, got " + (tag == null ? "null" : "'" + tag + "'"));
        }
    }

    private double wallTime() {
        return clock.millis() / 1000.0;
    }

    /**
     * Options of an {@link EventWriter}: {@code setX} for required values, {@code optX} for
     * optional ones (defaults in each method's doc).
     */
    public static final class Builder {

        private Path logDir;
        private Duration flushInterval = Duration.ofSeconds(10);
        private int queueCapacity = 4096;
        private Duration putTimeout = Duration.ofMillis(20);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private boolean failOnError;
        private boolean shutdownHook = true;
        private int histogramBins = 30;
        private long maxQueuedBytes = 64L << 20;
        private Clock clock = Clock.systemUTC();
        private Consumer<? super EventWriterException> errorHandler =
                e -> LOG.log(System.Logger.Level.WARNING, e.getMessage(), e.getCause());

        private Builder() {
        }

        /** The run directory; created on the first write. Required. */
        public Builder setLogDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir");
            return this;
        }

        /** How often buffered records are forced to disk; default 10 s, at least 1 ms. */
        public Builder optFlushInterval(Duration interval) {
            this.flushInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** How many tasks the queue holds; default 4096. */
        public Builder optQueueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** How long an {@code add} waits for room in a full queue before dropping; default 20 ms, zero drops at once. */
        public Builder optPutTimeout(Duration timeout) {
            this.putTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long {@link #flush()} and {@link #close()} wait for the writer thread; default 30 s. */
        public Builder optCloseTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Whether an I/O failure stops the writer and is thrown by the next call; default false. */
        public Builder optFailOnError(boolean failOnError) {
            this.failOnError = failOnError;
            return this;
        }

        /** Whether a JVM shutdown hook flushes the writer at exit (see Durability in the class doc); default true. */
        public Builder optShutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        /**
         * How many bytes of image pixels and embedding vectors may wait in the queue; default
         * 64 MiB. Past it such events are dropped (one larger than the budget is let through
         * when nothing else waits).
         */
        public Builder optMaxQueuedBytes(long bytes) {
            this.maxQueuedBytes = bytes;
            return this;
        }

        /** Equal-width bins per histogram; default 30 (what TensorBoard's charts resample to). */
        public Builder optHistogramBins(int bins) {
            this.histogramBins = bins;
            return this;
        }

        /** The clock for wall times and file names; default {@link Clock#systemUTC()}. */
        public Builder optClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Receives each reported problem, on the writer thread (or, for a full queue, on the
         * adding thread); default logs a {@link System.Logger} warning. It must not block.
         */
        public Builder optErrorHandler(Consumer<? super EventWriterException> handler) {
            this.errorHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Checks the options and starts the writer thread; no file exists until the first event. */
        public EventWriter build() {
            if (logDir == null) {
                throw new IllegalStateException("EventWriter needs a log directory: call setLogDir(path)");
            }
            if (flushInterval.toMillis() < 1) {
                throw new IllegalArgumentException("flush interval must be at least 1 ms, got " + flushInterval);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1, got " + queueCapacity);
            }
            if (putTimeout.isNegative() || closeTimeout.isNegative()) {
                throw new IllegalArgumentException("timeouts must not be negative, got put " + putTimeout
                        + " and close " + closeTimeout);
            }
            if (maxQueuedBytes < 1) {
                throw new IllegalArgumentException("max queued bytes must be at least 1, got " + maxQueuedBytes);
            }
            if (histogramBins < 1) {
                throw new IllegalArgumentException("histogram bins must be at least 1, got " + histogramBins);
            }
            return new EventWriter(this);
        }
    }
}
