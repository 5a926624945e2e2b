package org.scale4j.examples.price.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Max;
import org.scale4j.api.config.Min;

/**
 * {@code objectives: [{type: mnm, ...}]}: masked number modelling.
 *
 * @param modality the numeric-vector modality whose numbers are hidden and predicted
 * @param maskRatio the probability that a number of a present sample is hidden
 */
@Doc("Masked number modelling: hide numbers of a numeric-vector modality, predict them (MSE).")
public record MaskedNumberConfig(
        @Doc("The numeric-vector modality to mask and predict.") @Default("price") String modality,
        @Doc("Probability that each number of a present sample is hidden.")
        @Default("0.25") @Min(value = 0, exclusive = true) @Max(value = 1, exclusive = true) double maskRatio) {
}
