package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code pairwise-infonce} (CLIP-style symmetric InfoNCE per modality pair).
 *
 * @param initTemperature the initial temperature; the learnable parameter is
 *     {@code log(1/τ)} (CLIP: 0.07)
 * @param maxScale the clamp of the logit scale {@code 1/τ} (CLIP: 100)
 * @param pairWeighted whether each pair's logits are scaled per sample by the harmonizer's pair
 *     weight like SIMCL (default false: plain CLIP)
 * @param maskMissing as in {@link SimclConfig}
 */
@Doc("Pairwise InfoNCE parameters.")
public record InfoNceConfig(
        @Doc("Initial temperature τ; the learned parameter is log(1/τ) (CLIP: 0.07).") double initTemperature,
        @Doc("Clamp of the logit scale 1/τ (CLIP: 100).") double maxScale,
        @Doc("Scale each pair's logits per sample by the harmonizer's pair weight, like SIMCL (false: plain CLIP).") boolean pairWeighted,
        @Doc("true: samples missing a modality of the pair are left out of that pair; false: they take part.") boolean maskMissing) {

    public InfoNceConfig {
        if (!(initTemperature > 0)) {
            throw new IllegalArgumentException("pairwise-infonce.init_temperature must be > 0, got " + initTemperature);
        }
        if (!(maxScale >= 1 / initTemperature)) {
            throw new IllegalArgumentException("pairwise-infonce.max_scale must be >= 1/init_temperature = "
                    + (1 / initTemperature) + ", got " + maxScale);
        }
    }

    /** τ₀ = 0.07, scale clamped at 100, unweighted, missing modalities masked. */
    public static InfoNceConfig defaults() {
        return new InfoNceConfig(0.07, 100, false, true);
    }
}
