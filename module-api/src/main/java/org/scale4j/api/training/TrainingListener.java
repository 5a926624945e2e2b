package org.scale4j.api.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Callbacks of the training loop. Every method is a no-op by default; override what you need.
 * Callbacks run on the training thread and must return quickly: slow work goes to a background
 * thread of the listener's own.
 */
public interface TrainingListener extends AutoCloseable {

    /** Before the first step; {@code resolvedRecipe} is the YAML text saved in the run directory. */
    default void onTrainingBegin(Path runDir, String resolvedRecipe, Map<String, Object> hparams) {
    }

    /** After every optimizer step. */
    default void onStep(StepMetrics metrics) {
    }

    /** After a checkpoint file was written. */
    default void onCheckpoint(long step, Path file) {
    }

    /** After a validation pass, with its averaged scalars. */
    default void onValidation(StepMetrics metrics) {
    }

    /** After downstream evaluation, with its final metrics (e.g. {@code coarse/mAP@1}). */
    default void onEvaluation(long step, Map<String, Double> metrics) {
    }

    /**
     * The harmonizer's modality-pair weights averaged over a batch (spec 2.6), for a picture of
     * which modalities the model pairs up. The loop calls it at its own cadence (e.g. every
     * {@code tensorboard.every} steps); computing it costs a device-to-host copy.
     *
     * @param modalities the {@code M} modality names, sorted
     * @param meanGraph {@code [M, M]} mean pair weights, row {@code i} and column {@code j} for
     *     {@code modalities[i]} and {@code modalities[j]}; NaN where a pair has no weight (e.g. the
     *     diagonal); the listener must not keep or change the array after returning
     */
    default void onModalityGraph(long step, List<String> modalities, double[][] meanGraph) {
    }

    /**
     * Value distributions to plot as histograms, e.g. {@code weights/<parameter>} and
     * {@code grads/<parameter>}, called at the loop's histogram cadence
     * ({@code tensorboard.histograms_every}). Arrays are host copies that the listener may read
     * only during the call.
     */
    default void onHistograms(long step, Map<String, float[]> histograms) {
    }

    /**
     * Points for the embedding projector, e.g. fused summary vectors of an evaluation batch.
     *
     * @param tag the embedding's name, e.g. {@code fused/text}
     * @param vectors {@code [N, D]} points; read only during the call
     * @param metadataHeader column names of {@code metadataRows}; empty for none
     * @param metadataRows {@code N} rows of {@code metadataHeader.size()} values (e.g. id, category)
     */
    default void onEmbeddings(long step, String tag, float[][] vectors, List<String> metadataHeader,
            List<List<String>> metadataRows) {
    }

    /** After the last step, or when the run stops on an error ({@code success} false). */
    default void onTrainingEnd(long step, boolean success) {
    }

    @Override
    default void close() {
    }
}
