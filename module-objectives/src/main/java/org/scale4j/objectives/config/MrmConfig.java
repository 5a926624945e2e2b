package org.scale4j.objectives.config;

/**
 * Configuration of {@code mrm} (masked region modelling: selected regions are zeroed, except a
 * share left unchanged; MSE on the original features).
 *
 * @param modality the modality to mask and predict (default {@code image})
 * @param maskRatio the selection probability per region (spec 2.10: 0.15)
 * @param keepRatio the share of selected regions left unchanged (spec 1.6: 0.1)
 * @param weighting {@code output} (released), {@code loss} or {@code none}; see {@link MlmConfig}
 */
public record MrmConfig(String modality, double maskRatio, double keepRatio, String weighting) {

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
