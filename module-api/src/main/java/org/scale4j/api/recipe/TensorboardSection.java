package org.scale4j.api.recipe;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code tensorboard}: the event files written into the run directory.
 *
 * @param enabled whether event files are written
 * @param every steps between scalar summaries
 * @param histogramsEvery steps between weight and gradient histograms; 0 disables them (the training loop
 *     of this build sends none yet)
 * @param failOnError whether a failing event writer stops the run (otherwise it is logged once
 *     and training goes on)
 */
@Doc("TensorBoard event files in the run directory.")
public record TensorboardSection(
        @Doc("Whether TensorBoard event files are written.") @Default("true") boolean enabled,
        @Doc("Steps between scalar summaries.") @Default("10") @Min(1) int every,
        @Doc("Steps between weight and gradient histograms; 0 disables them. The training loop of this build sends "
                + "none yet, so it has no effect.") @Default("100") @Min(0) int histogramsEvery,
        @Doc("Whether an event-writer failure stops the run (otherwise it is logged once and training goes on).")
        @Default("false") boolean failOnError) {
}
