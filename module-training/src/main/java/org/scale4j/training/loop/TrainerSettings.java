package org.scale4j.training.loop;

/**
 * The loop's knobs, resolved from the recipe's {@code trainer} and {@code checkpoint} sections.
 *
 * @param steps the optimizer steps of the whole run
 * @param gradAccumulation batches whose gradients are summed into one step
 * @param microBatches shards each batch's forward pass is split into (the CPU stand-in for devices)
 * @param clipGradNorm the global gradient-norm limit, 0 for none
 * @param maxBadSteps how many consecutive non-finite steps are skipped before the run stops
 * @param checkpointEvery steps between checkpoints (a checkpoint is also written at the end)
 * @param validateEvery steps between validation passes, 0 for none
 * @param earlyStoppingPatience validation passes without improvement before stopping, 0 for never
 * @param logEvery steps between plain progress lines when output is not a terminal
 * @param histogramsEvery steps between histograms of parameter and gradient norms, 0 for none
 * @param seed the run seed; step {@code s} reseeds the engine with a value derived from it, so a
 *     resumed run draws the same dropout masks as an uninterrupted one
 */
public record TrainerSettings(
        long steps,
        int gradAccumulation,
        int microBatches,
        double clipGradNorm,
        int maxBadSteps,
        long checkpointEvery,
        long validateEvery,
        int earlyStoppingPatience,
        long logEvery,
        long histogramsEvery,
        long seed) {

    public TrainerSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("trainer.steps must be >= 1, got " + steps);
        }
        if (gradAccumulation < 1 || microBatches < 1) {
            throw new IllegalArgumentException("grad_accumulation and micro_batches must be >= 1");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpoint.every must be >= 1, got " + checkpointEvery);
        }
    }

    /** The engine seed of step {@code step}: distinct per step, the same in every run with this seed. */
    public int stepSeed(long step) {
        long mixed = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 32)) & 0x7fffffff;
    }
}
