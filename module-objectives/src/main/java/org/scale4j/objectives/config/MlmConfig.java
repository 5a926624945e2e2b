package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code mlm} (masked language modelling, BERT 80/10/10 token masking).
 *
 * @param modality the modality to mask and predict (default {@code text})
 * @param maskRatio the selection probability per position (spec 2.10: 0.15)
 * @param weighting how the modality weight {@code w_b[m]} (spec 2.6(b)) enters: {@code output}
 *     multiplies the head output per sample before the loss (released, spec 2.8 and quirk Q4),
 *     {@code loss} multiplies each sample's loss terms, {@code none} ignores it
 */
@Doc("MLM parameters.")
public record MlmConfig(
        @Doc("The modality to mask and predict (default text).") String modality,
        @Doc("Probability that each token of a present sample is selected, in (0, 1) (spec 2.10: 0.15).") double maskRatio,
        @Doc("How the fused modality weight w_b[m] (spec 2.6(b)) enters: output multiplies the head output per sample (released), loss multiplies each sample's loss, none ignores it.") String weighting) {

    public MlmConfig {
        Checks.masked("mlm", modality, maskRatio, weighting);
    }

    /** Modality {@code text}, ratio 0.15, weighting {@code output}. */
    public static MlmConfig defaults() {
        return new MlmConfig("text", 0.15, "output");
    }
}
