package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code mfm} (masked frame modelling, zeroed frames, MSE).
 *
 * @param modality the modality to mask and predict (default {@code video})
 * @param maskRatio the selection probability per position (spec 2.10: 0.15)
 * @param weighting how the modality weight {@code w_b[m]} (spec 2.6(b)) enters: {@code output}
 *     multiplies the head output per sample before the loss (released, spec 2.8 and quirk Q4),
 *     {@code loss} multiplies each sample's loss terms, {@code none} ignores it
 */
@Doc("MFM parameters.")
public record MfmConfig(
        @Doc("The modality to mask and predict (default video).") String modality,
        @Doc("Probability that each frame of a present sample is selected, in (0, 1) (spec 2.10: 0.15).") double maskRatio,
        @Doc("How the fused modality weight w_b[m] (spec 2.6(b)) enters: output multiplies the head output per sample (released), loss multiplies each sample's loss, none ignores it.") String weighting) {

    public MfmConfig {
        Checks.masked("mfm", modality, maskRatio, weighting);
    }

    /** Modality {@code video}, ratio 0.15, weighting {@code output}. */
    public static MfmConfig defaults() {
        return new MfmConfig("video", 0.15, "output");
    }
}
