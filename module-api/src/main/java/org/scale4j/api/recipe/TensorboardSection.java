package org.scale4j.api.recipe;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code tensorboard}: the event files written into the run directory.
 *
 * @param enabled whether event files are written
 * @param every steps between scalar summaries
 * @param histogramsEvery steps between histograms of parameter and gradient norms; 0 disables them
 * @param failOnError whether a failing event writer stops the run (otherwise it is logged once
 *     and training goes on)
 */
@Doc("TensorBoard event files in the run directory.")
public record TensorboardSection(
        @Doc("Whether TensorBoard event files are written.") @Default("true") boolean enabled,
        @Doc("Steps between scalar summaries.") @Default("10") @Min(1) int every,
        @Doc("Steps between histograms of the parameter and gradient norms (norms/parameters, norms/gradients); "
                + "0 disables them.") @Default("100") @Min(0) int histogramsEvery,
        @Doc("Whether an event-writer failure stops the run (otherwise it is logged once and training goes on).")
        @Default("false") boolean failOnError) {
}
