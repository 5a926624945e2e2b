package org.scale4j.api.recipe;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Max;
import org.scale4j.api.config.Min;

/**
 * {@code trainer.schedule}: linear warm-up from 0 to {@code lr}, then the shape of {@code type}.
 *
 * @param type the shape after the warm-up
 * @param warmup the warm-up length as a fraction of {@code trainer.steps}
 */
@Doc("The learning-rate schedule: linear warm-up, then linear, cosine or constant.")
public record ScheduleSection(
        @Doc("Shape after the warm-up: linear (decay to 0), cosine (decay to 0) or constant.")
        @Default("linear") ScheduleType type,
        @Doc("Warm-up length as a fraction of trainer.steps (the released code: 0.1).")
        @Default("0.1") @Min(0) @Max(value = 1, exclusive = true) double warmup) {

    /** The number of warm-up steps of a run of {@code steps} steps. */
    public long warmupSteps(long steps) {
        return Math.round(warmup * steps);
    }
}
