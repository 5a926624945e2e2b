package org.scale4j.api.recipe;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code trainer.early_stopping}: stop when a validation metric stops improving.
 *
 * @param patience validations without improvement before stopping; 0 disables early stopping
 * @param metric the validation scalar to watch
 * @param goal whether smaller or larger is better
 * @param minDelta the smallest change that counts as an improvement
 */
@Doc("Stop when a validation metric stops improving (patience 0: never).")
public record EarlyStoppingSection(
        @Doc("Validations without improvement before stopping; 0 disables early stopping.") @Default("0") @Min(0) int patience,
        @Doc("The validation scalar to watch, e.g. loss/total.") @Default("loss/total") String metric,
        @Doc("min: smaller is better; max: larger is better.") @Default("min") Goal goal,
        @Doc("Smallest change that counts as an improvement.") @Default("0.0") @Min(0) double minDelta) {

    /** Whether early stopping is on. */
    public boolean enabled() {
        return patience > 0;
    }
}
