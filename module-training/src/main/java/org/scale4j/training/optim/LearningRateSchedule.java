package org.scale4j.training.optim;

/**
 * Learning rate as a pure function of the step: linear warm-up, then linear, cosine or no decay.
 * Being a function of the step alone, the schedule needs no state in a checkpoint.
 *
 * @param peak the learning rate at the end of warm-up
 * @param warmupSteps steps of linear warm-up from 0 to {@code peak}
 * @param totalSteps the step at which decay reaches 0
 * @param decay the shape after warm-up
 */
public record LearningRateSchedule(double peak, long warmupSteps, long totalSteps, Decay decay) {

    /** The shape of the schedule after warm-up. */
    public enum Decay {
        /** Linear to 0 at {@code totalSteps} (BERT's {@code warmup_linear}). */
        LINEAR,
        /** Half a cosine to 0 at {@code totalSteps}. */
        COSINE,
        /** Constant {@code peak}. */
        CONSTANT
    }

    public LearningRateSchedule {
        if (!(peak > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + peak);
        }
        if (warmupSteps < 0 || totalSteps < 1 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException(
                    "need 0 <= warmup <= total steps and total >= 1, got " + warmupSteps + " / " + totalSteps);
        }
    }

    /** The learning rate of step {@code step} (1-based: the first update uses step 1). */
    public double at(long step) {
        if (warmupSteps > 0 && step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        if (decay == Decay.CONSTANT || totalSteps == warmupSteps) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
        return switch (decay) {
            case LINEAR -> peak * (1.0 - progress);
            case COSINE -> peak * 0.5 * (1.0 + Math.cos(Math.PI * progress));
            case CONSTANT -> peak;
        };
    }
}
