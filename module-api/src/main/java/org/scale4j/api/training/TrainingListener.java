package org.scale4j.api.training;

import java.nio.file.Path;
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

    /** After the last step, or when the run stops on an error ({@code success} false). */
    default void onTrainingEnd(long step, boolean success) {
    }

    @Override
    default void close() {
    }
}
