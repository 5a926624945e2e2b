package org.scale4j.training.monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.scale4j.api.training.StepMetrics;
import org.scale4j.api.training.TrainingListener;
import org.scale4j.tensorboard.Embedding;
import org.scale4j.tensorboard.EventWriter;
import org.scale4j.tensorboard.EventWriterException;
import org.scale4j.tensorboard.SessionStatus;

/**
 * Writes a training run for TensorBoard into its run directory ({@code runs/<name>/<version>}),
 * so that {@code tensorboard --logdir runs} shows every run side by side.
 *
 * <p>What it writes (tags; see {@code docs/tensorboard.md} for the pictures):
 * <ul>
 *   <li>{@link #onStep}: every scalar of {@link StepMetrics} under its own name ({@code loss/total},
 *       {@code loss/<objective>}, {@code lr}, {@code grad_norm}, {@code samples_per_sec},
 *       {@code weight/<modality>}, {@code pair/<a>-<b>}, ...), every {@code scalarsEvery} steps,
 *       as one event per step; and, every {@code graphEvery} steps, the {@code pair/*} scalars as
 *       the {@code modality_graph} heat map, unless the loop calls {@link #onModalityGraph};</li>
 *   <li>{@link #onValidation}: the scalars under {@code val/<name>};</li>
 *   <li>{@link #onEvaluation}: the metrics under {@code eval/<name>}; they become the hparams
 *       dashboard's metric columns, with {@code loss/total} and {@code val/loss/total};</li>
 *   <li>{@link #onModalityGraph}: image {@code modality_graph} and text {@code modality_graph}
 *       (the numbers and names);</li>
 *   <li>{@link #onHistograms}: one histogram per entry, under its name;</li>
 *   <li>{@link #onEmbeddings}: projector files under {@code <step>/<tag>/};</li>
 *   <li>{@link #onTrainingBegin}: text {@code recipe} (the resolved YAML) and the hparams session
 *       start with the flattened hyperparameters; {@link #onTrainingEnd}: the hparams experiment
 *       and session end (success or failure), in the same directory as the scalars.</li>
 * </ul>
 *
 * <p>Every callback only queues work for the writer's background thread (see
 * {@link EventWriter}); {@link #onCheckpoint} also waits until the events so far are on disk, so
 * that the event files are at least as far as the newest checkpoint. Callbacks come from the
 * training thread.
 *
 * <p><b>A disk that fills up.</b> By default an I/O failure goes once to the
 * {@link Builder#optWarnings warning sink} (naming the event file), events are dropped while it
 * lasts (the writer tries a new file every flush interval), and training goes on; {@link #close()}
 * then reports how many events were dropped. With {@link Builder#optFailOnError failOnError} the
 * next callback throws {@link TensorBoardWriteException} instead, which stops the run.
 */
public final class TensorBoardListener implements TrainingListener {

    static final String GRAPH_TAG = "modality_graph";
    static final String RECIPE_TAG = "recipe";
    static final String VALIDATION_PREFIX = "val/";
    static final String EVALUATION_PREFIX = "eval/";
    private static final List<String> STANDARD_METRICS = List.of("loss/total", VALIDATION_PREFIX + "loss/total");

    private final EventWriter writer;
    private final Consumer<String> warnings;
    private final int scalarsEvery;
    private final int graphEvery;
    private final Set<String> evaluationTags = new TreeSet<>();
    private boolean dedicatedGraph;
    private boolean sessionStarted;
    private boolean sessionEnded;
    private long lastStep;

    private TensorBoardListener(Builder b) {
        this.scalarsEvery = b.scalarsEvery;
        this.graphEvery = b.graphEvery;
        this.warnings = b.warnings;
        EventWriter.Builder writerOptions = EventWriter.builder().setLogDir(b.runDir).optFlushInterval(b.flushInterval)
                .optQueueCapacity(b.queueCapacity).optFailOnError(b.failOnError);
        if (b.warnings != null) {
            // the message names the file and the cause; the I/O stack trace would add nothing
            writerOptions.optErrorHandler(e -> b.warnings.accept(e.getMessage()));
        }
        this.writer = writerOptions.build();
    }

    /** A builder; {@link Builder#setRunDir} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The run directory the events go to. */
    public Path runDir() {
        return writer.logDir();
    }

    /** Events dropped so far (full queue or I/O failure); see {@link EventWriter#droppedEvents()}. */
    public long droppedEvents() {
        return writer.droppedEvents();
    }

    /**
     * Writes the recipe text and starts the hparams session. Events always go to the builder's run
     * directory; {@code runDir} is not used.
     */
    @Override
    public void onTrainingBegin(Path runDir, String resolvedRecipe, Map<String, Object> hparams) {
        writing(() -> {
            if (resolvedRecipe != null && !resolvedRecipe.isBlank()) {
                writer.addText(RECIPE_TAG, recipeMarkdown(resolvedRecipe), 0);
            }
            if (!sessionStarted) {
                writer.addHparamsSessionStart(Hyperparameters.flatten(hparams == null ? Map.of() : hparams));
                sessionStarted = true;
            }
        });
    }

    @Override
    public void onStep(StepMetrics metrics) {
        long step = metrics.step();
        lastStep = step;
        writing(() -> {
            if (step % scalarsEvery == 0) {
                writer.addScalars(metrics.scalars(), step);
            }
            if (!dedicatedGraph && step % graphEvery == 0) {
                PairScalars pairs = PairScalars.from(metrics.scalars());
                if (pairs != null) {
                    writeGraph(step, pairs.modalities(), pairs.graph());
                }
            }
        });
    }

    /**
     * Forces the events so far to disk (waiting at most the writer's close timeout), so a run
     * resumed from this checkpoint finds every step up to it in its event files.
     */
    @Override
    public void onCheckpoint(long step, Path file) {
        writing(writer::flush);
    }

    @Override
    public void onValidation(StepMetrics metrics) {
        writing(() -> writer.addScalars(prefixed(VALIDATION_PREFIX, metrics.scalars()), metrics.step()));
    }

    @Override
    public void onEvaluation(long step, Map<String, Double> metrics) {
        Map<String, Double> tagged = prefixed(EVALUATION_PREFIX, new TreeMap<>(metrics));
        writing(() -> writer.addScalars(tagged, step));
        evaluationTags.addAll(tagged.keySet());
    }

    @Override
    public void onModalityGraph(long step, List<String> modalities, double[][] meanGraph) {
        Objects.requireNonNull(modalities, "modalities");
        if (meanGraph.length != modalities.size()) {
            throw new IllegalArgumentException("modality graph at step " + step + " has " + meanGraph.length
                    + " rows for " + modalities.size() + " modalities " + modalities);
        }
        for (int i = 0; i < meanGraph.length; i++) {
            if (meanGraph[i].length != modalities.size()) {
                throw new IllegalArgumentException("modality graph at step " + step + ": row " + i + " ("
                        + modalities.get(i) + ") has " + meanGraph[i].length + " columns, expected " + modalities.size());
            }
        }
        dedicatedGraph = true;
        writing(() -> writeGraph(step, modalities, meanGraph));
    }

    @Override
    public void onHistograms(long step, Map<String, float[]> histograms) {
        writing(() -> {
            for (Map.Entry<String, float[]> e : new TreeMap<>(histograms).entrySet()) {
                if (e.getValue() != null && e.getValue().length > 0) {
                    writer.addHistogram(e.getKey(), e.getValue(), step);
                }
            }
        });
    }

    @Override
    public void onEmbeddings(long step, String tag, float[][] vectors, List<String> metadataHeader,
            List<List<String>> metadataRows) {
        writing(() -> writer.addEmbedding(Embedding.of(tag, vectors).withMetadata(metadataHeader, metadataRows), step));
    }

    /**
     * Ends the hparams session and flushes. After a failed run (which may have failed because of
     * this writer) a write failure is not thrown again.
     */
    @Override
    public void onTrainingEnd(long step, boolean success) {
        try {
            writing(() -> {
                if (sessionStarted && !sessionEnded) {
                    sessionEnded = true;
                    Set<String> written = writer.scalarTags();
                    List<String> metrics = new ArrayList<>(evaluationTags);
                    STANDARD_METRICS.stream().filter(written::contains).forEach(metrics::add);
                    writer.addHparamsSessionEnd(success ? SessionStatus.SUCCESS : SessionStatus.FAILURE, metrics,
                            Math.max(step, lastStep));
                }
                writer.flush();
            });
        } catch (TensorBoardWriteException e) {
            if (success) {
                throw e;
            }
        }
    }

    /**
     * Writes out everything and closes the event file; then, when events were dropped (a full
     * queue or a failing disk), tells the warning sink how many, once.
     */
    @Override
    public void close() {
        try {
            writing(writer::close);
        } finally {
            long dropped = writer.droppedEvents();
            if (dropped > 0 && warnings != null) {
                warnings.accept(dropped + " TensorBoard event" + (dropped == 1 ? " was" : "s were") + " dropped, so "
                        + "the event files in " + writer.logDir() + " miss some steps (the first problem was reported "
                        + "above)");
            }
        }
    }

    /** Runs writer calls, turning a failed writer (failOnError) into {@link TensorBoardWriteException}. */
    private static void writing(Runnable calls) {
        try {
            calls.run();
        } catch (EventWriterException e) {
            throw new TensorBoardWriteException(e.getMessage(), e);
        }
    }

    private void writeGraph(long step, List<String> modalities, double[][] graph) {
        writer.addImage(GRAPH_TAG, ModalityGraphPicture.heatMap(graph), step);
        writer.addText(GRAPH_TAG, ModalityGraphPicture.table(modalities, graph), step);
    }

    private static Map<String, Double> prefixed(String prefix, SortedMap<String, Double> scalars) {
        Map<String, Double> out = new LinkedHashMap<>();
        scalars.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    /** The recipe as a Markdown code block (indented, which every Markdown renderer supports). */
    static String recipeMarkdown(String yaml) {
        StringBuilder md = new StringBuilder("Resolved recipe:\n\n");
        yaml.lines().forEach(line -> md.append("    ").append(line).append('\n'));
        return md.toString();
    }

    /** Options of a {@link TensorBoardListener}; {@code setX} required, {@code optX} optional. */
    public static final class Builder {

        private Path runDir;
        private int scalarsEvery = 1;
        private int graphEvery = 10;
        private Duration flushInterval = Duration.ofSeconds(10);
        private int queueCapacity = 4096;
        private boolean failOnError;
        private Consumer<String> warnings;

        private Builder() {
        }

        /** The run directory, {@code runs/<name>/<version>}. Required. */
        public Builder setRunDir(Path runDir) {
            this.runDir = Objects.requireNonNull(runDir, "runDir");
            return this;
        }

        /** Write step scalars every this many steps; default 1 (every step the loop reports). */
        public Builder optScalarsEvery(int steps) {
            this.scalarsEvery = steps;
            return this;
        }

        /** Draw the heat map from {@code pair/*} scalars every this many steps; default 10. */
        public Builder optGraphEvery(int steps) {
            this.graphEvery = steps;
            return this;
        }

        /** How often events are forced to disk; default 10 s. */
        public Builder optFlushInterval(Duration interval) {
            this.flushInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The writer queue's capacity in events; default 4096. */
        public Builder optQueueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** Whether an I/O failure is thrown by the next callback (stopping training); default false. */
        public Builder optFailOnError(boolean failOnError) {
            this.failOnError = failOnError;
            return this;
        }

        /**
         * Where write problems and the count of dropped events go, as one-line messages naming the
         * event file (e.g. printed as {@code warning: ...}); default: the event writer's
         * {@link System.Logger} warning.
         */
        public Builder optWarnings(Consumer<String> warnings) {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        public TensorBoardListener build() {
            if (runDir == null) {
                throw new IllegalStateException("TensorBoardListener needs a run directory: call setRunDir(path)");
            }
            if (scalarsEvery < 1 || graphEvery < 1) {
                throw new IllegalArgumentException("scalarsEvery and graphEvery must be at least 1, got "
                        + scalarsEvery + " and " + graphEvery);
            }
            return new TensorBoardListener(this);
        }
    }
}
