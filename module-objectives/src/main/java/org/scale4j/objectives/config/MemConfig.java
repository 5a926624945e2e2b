package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code mem} (masked entity modelling, whole key or value spans).
 *
 * @param modality the modality to mask and predict (default {@code table})
 * @param maskRatio the selection probability per position (spec 2.10: 0.15)
 * @param weighting how the modality weight {@code w_b[m]} (spec 2.6(b)) enters: {@code output}
 *     multiplies the head output per sample before the loss (released, spec 2.8 and quirk Q4),
 *     {@code loss} multiplies each sample's loss terms, {@code none} ignores it
 */
@Doc("MEM parameters.")
public record MemConfig(
        @Doc("The modality to mask and predict (default table).") String modality,
        @Doc("Probability that each table entry of a present sample is selected, in (0, 1) (spec 2.10: 0.15).") double maskRatio,
        @Doc("How the fused modality weight w_b[m] (spec 2.6(b)) enters: output multiplies the head output per sample (released), loss multiplies each sample's loss, none ignores it.") String weighting) {

    public MemConfig {
        Checks.masked("mem", modality, maskRatio, weighting);
    }

    /** Modality {@code table}, ratio 0.15, weighting {@code output}. */
    public static MemConfig defaults() {
        return new MemConfig("table", 0.15, "output");
    }
}
