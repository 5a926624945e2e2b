package org.scale4j.api.recipe;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code checkpoint}: when checkpoints are written and which are kept.
 *
 * @param every steps between checkpoints; 0 writes only the final one
 * @param keepLast how many of the most recent checkpoints are kept
 * @param keepBest how many of the best checkpoints (by {@code bestMetric}) are kept besides them
 * @param bestMetric the validation scalar that ranks checkpoints
 * @param bestGoal whether smaller or larger is better
 */
@Doc("When checkpoints are written and which are kept.")
public record CheckpointSection(
        @Doc("Steps between checkpoints; 0 writes only the final checkpoint.") @Default("100") @Min(0) int every,
        @Doc("Number of most recent checkpoints kept.") @Default("3") @Min(1) int keepLast,
        @Doc("Number of best checkpoints (by best_metric) kept besides the recent ones; 0 keeps none.")
        @Default("1") @Min(0) int keepBest,
        @Doc("Validation scalar that ranks checkpoints.") @Default("loss/total") String bestMetric,
        @Doc("min: smaller is better; max: larger is better.") @Default("min") Goal bestGoal) {
}
