package org.scale4j.objectives.config;

/**
 * Configuration of {@code mem} (masked entity modelling, whole key or value spans).
 *
 * @param modality the modality to mask and predict (default {@code table})
 * @param maskRatio the selection probability per position (spec 2.10: 0.15)
 * @param weighting how the modality weight {@code w_b[m]} (spec 2.6(b)) enters: {@code output}
 *     multiplies the head output per sample before the loss (released, spec 2.8 and quirk Q4),
 *     {@code loss} multiplies each sample's loss terms, {@code none} ignores it
 */
public record MemConfig(String modality, double maskRatio, String weighting) {

    public MemConfig {
        Checks.masked("mem", modality, maskRatio, weighting);
    }

    /** Modality {@code table}, ratio 0.15, weighting {@code output}. */
    public static MemConfig defaults() {
        return new MemConfig("table", 0.15, "output");
    }
}
