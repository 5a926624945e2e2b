package org.scale4j.api.recipe;

import java.util.regex.Pattern;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code trainer}: the optimisation loop.
 *
 * @param steps the number of optimizer steps
 * @param devices {@code auto} (every GPU PyTorch sees, else the CPU), {@code cpu}, {@code gpu} (GPU 0),
 *     {@code gpu:N}, {@code gpu:0,1} (data parallel: each GPU runs its share of the global batch) or
 *     {@code cpu:N} (N replicas on the CPU: the data-parallel code path without GPUs, for tests)
 * @param microBatches shards each device's share of the global batch into this many micro-batches;
 *     the contrastive negatives are still the whole global batch, so the loss does not change
 * @param gradAccumulation optimizer steps accumulate the gradients of this many global batches
 * @param optimizer the optimizer
 * @param schedule the learning-rate schedule
 * @param clipGradNorm the global gradient L2 norm is clipped to this; 0 disables clipping
 * @param maxBadSteps consecutive steps with a non-finite loss or gradient that are skipped before
 *     the run stops with an error
 * @param valEvery steps between validation passes; 0 disables validation
 * @param earlyStopping early stopping on a validation metric
 * @param logEvery steps between progress lines on the console (TensorBoard follows {@code tensorboard.every})
 * @param onednn whether PyTorch's oneDNN CPU kernels run (process-wide; off by default, see
 *     {@code org.scale4j.training.engine.OneDnnSwitch})
 */
@Doc("The optimisation loop.")
public record TrainerSection(
        @Doc("Number of optimizer steps.") @Default("1000") @Min(1) int steps,
        @Doc("auto (every GPU PyTorch sees, else the CPU), cpu, gpu (GPU 0), gpu:N, or gpu:0,1 for data parallelism: "
                + "each GPU runs its share of the global batch, the loss (contrastive negatives included) is the "
                + "global-batch loss. cpu:N runs N replicas on the CPU: the data-parallel code path without GPUs, "
                + "for tests and debugging, never faster than cpu.")
        @Default("auto") String devices,
        @Doc("Micro-batches per device: each device's share of the global batch runs in this many pieces; the "
                + "contrastive negatives stay the whole global batch. data.batch_size must be at least devices x micro_batches.")
        @Default("1") @Min(1) int microBatches,
        @Doc("Global batches whose gradients are accumulated per optimizer step.") @Default("1") @Min(1) int gradAccumulation,
        @Doc("The optimizer.") OptimizerSection optimizer,
        @Doc("The learning-rate schedule.") ScheduleSection schedule,
        @Doc("Clip the global gradient L2 norm to this value; 0 disables clipping.") @Default("1.0") @Min(0) double clipGradNorm,
        @Doc("Consecutive steps with a non-finite loss or gradient that are skipped before the run fails.")
        @Default("3") @Min(0) int maxBadSteps,
        @Doc("Steps between validation passes; 0 disables validation.") @Default("100") @Min(0) int valEvery,
        @Doc("Early stopping on a validation metric.") EarlyStoppingSection earlyStopping,
        @Doc("Steps between progress lines on the console; TensorBoard scalars follow tensorboard.every.")
        @Default("10") @Min(1) int logEvery,
        @Doc("PyTorch's oneDNN CPU kernels (Python: torch.backends.mkldnn.enabled), for the whole process. Off by "
                + "default: on CPU a SCALE model reaches them only for GELU, whose small calls they make about 3x slower "
                + "with 2 threads; PyTorch's own kernel is as fast on large tensors. Results agree to float32 rounding.")
        @Default("false") boolean onednn) {

    private static final Pattern DEVICES = Pattern.compile("auto|cpu|cpu:\\d+|gpu|gpu:\\d+(,\\d+)*");

    public TrainerSection {
        if (!DEVICES.matcher(devices).matches()) {
            throw new ConfigValueException("devices", "expected auto, cpu, cpu:<replicas>, gpu or gpu:<id>[,<id>...], got '" + devices + "'");
        }
        if (earlyStopping.enabled() && valEvery == 0) {
            throw new ConfigValueException("early_stopping.patience", "early stopping needs validation; set trainer.val_every > 0");
        }
    }
}
