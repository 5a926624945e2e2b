package org.scale4j.examples.price.config;

import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Max;
import org.scale4j.api.config.Min;

/**
 * {@code model.encoders.<name>: {type: numeric-transformer, ...}}.
 *
 * @param layers transformer layers over the number tokens
 * @param heads attention heads; {@code model.hidden} must be divisible by it
 * @param ffn the feed-forward inner size
 * @param dropout dropout after the embedding, the attention output and the feed-forward block
 */
@Doc("Numeric-vector encoder: value·w_t + b_t per position t, a learned [MASK] vector, post-LN layers.")
public record NumericTransformerConfig(
        @Doc("Transformer layers over the number tokens.") @Default("2") @Min(0) int layers,
        @Doc("Attention heads; model.hidden must be divisible by it.") @Default("4") @Min(1) int heads,
        @Doc("Feed-forward inner size.") @Default("256") @Min(1) int ffn,
        @Doc("Dropout probability of the embedding and of each layer.")
        @Default("0.1") @Min(0) @Max(value = 1, exclusive = true) double dropout) {

    public NumericTransformerConfig {
        if (layers > 24) {
            // A compact-constructor check: ConfigValueException points the user at this key.
            throw new ConfigValueException("layers", "at most 24 layers make sense for a handful of numbers, got "
                    + layers);
        }
    }
}
