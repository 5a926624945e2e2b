package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code mrm} (masked region modelling: selected regions are zeroed, except a
 * share left unchanged; MSE on the original features).
 *
 * @param modality the modality to mask and predict (default {@code image})
 * @param maskRatio the selection probability per region (spec 2.10: 0.15)
 * @param keepRatio the share of selected regions left unchanged (spec 1.6: 0.1)
 * @param weighting {@code output} (released), {@code loss} or {@code none}; see {@link MlmConfig}
 */
@Doc("MRM parameters.")
public record MrmConfig(
        @Doc("The modality to mask and predict (default image).") String modality,
        @Doc("Probability that each region of a present sample is selected, in (0, 1) (spec 2.10: 0.15).") double maskRatio,
        @Doc("Share of selected regions left unchanged, in [0, 1) (spec 1.6: 0.1).") double keepRatio,
        @Doc("How the fused modality weight w_b[m] (spec 2.6(b)) enters: output multiplies the head output per sample (released), loss multiplies each sample's loss, none ignores it.") String weighting) {

    public MrmConfig {
        Checks.masked("mrm", modality, maskRatio, weighting);
        if (!(keepRatio >= 0 && keepRatio < 1)) {
            throw new IllegalArgumentException("mrm.keep_ratio must be in [0, 1), got " + keepRatio);
        }
    }

    /** Modality {@code image}, ratio 0.15, keep 0.1, weighting {@code output}. */
    public static MrmConfig defaults() {
        return new MrmConfig("image", 0.15, 0.1, "output");
    }
}
