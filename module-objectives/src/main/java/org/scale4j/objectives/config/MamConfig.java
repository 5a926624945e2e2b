package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code mam} (masked audio modelling, zeroed rows, MSE).
 *
 * @param modality the modality to mask and predict (default {@code audio})
 * @param maskRatio the selection probability per position (spec 2.10: 0.15)
 * @param weighting how the modality weight {@code w_b[m]} (spec 2.6(b)) enters: {@code output}
 *     multiplies the head output per sample before the loss (released, spec 2.8 and quirk Q4),
 *     {@code loss} multiplies each sample's loss terms, {@code none} ignores it
 */
@Doc("MAM parameters.")
public record MamConfig(
        @Doc("The modality to mask and predict (default audio).") String modality,
        @Doc("Probability that each audio row of a present sample is selected, in (0, 1) (spec 2.10: 0.15).") double maskRatio,
        @Doc("How the fused modality weight w_b[m] (spec 2.6(b)) enters: output multiplies the head output per sample (released), loss multiplies each sample's loss, none ignores it.") String weighting) {

    public MamConfig {
        Checks.masked("mam", modality, maskRatio, weighting);
    }

    /** Modality {@code audio}, ratio 0.15, weighting {@code output}. */
    public static MamConfig defaults() {
        return new MamConfig("audio", 0.15, "output");
    }
}
