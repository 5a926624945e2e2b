package org.scale4j.api.recipe;

import java.util.List;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Max;
import org.scale4j.api.config.Min;

/**
 * {@code trainer.optimizer}.
 *
 * @param type adamw or bert-adam
 * @param lr the peak learning rate (reached at the end of the warm-up)
 * @param weightDecay the decoupled weight decay; biases and LayerNorm parameters get none
 * @param betas Adam's {@code [beta1, beta2]}
 * @param eps Adam's epsilon
 */
@Doc("The optimizer.")
public record OptimizerSection(
        @Doc("adamw (bias-corrected) or bert-adam (the released code's BertAdam, no bias correction).")
        @Default("adamw") OptimizerType type,
        @Doc("Peak learning rate, reached at the end of the warm-up.") @Default("1.0e-4") @Min(value = 0, exclusive = true) double lr,
        @Doc("Decoupled weight decay; biases and LayerNorm parameters are not decayed.") @Default("0.01") @Min(0) double weightDecay,
        @Doc("Adam's [beta1, beta2].") @Default("[0.9, 0.999]") @Min(0) @Max(value = 1, exclusive = true) List<Double> betas,
        @Doc("Adam's epsilon (the released code uses 1e-6).") @Default("1.0e-8") @Min(value = 0, exclusive = true) double eps) {

    public OptimizerSection {
        betas = List.copyOf(betas);
        if (betas.size() != 2) {
            throw new ConfigValueException("betas", "needs exactly two values [beta1, beta2], got " + betas);
        }
    }
}
