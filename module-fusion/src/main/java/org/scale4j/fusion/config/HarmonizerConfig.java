package org.scale4j.fusion.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of the harmonizers ({@code model.harmonizer}).
 *
 * @param maskMissing true (default): a modality missing for a sample is removed from that
 *     sample's graph (its row and column weigh 0 and it takes no share of the softmax); false:
 *     the released behaviour, where the zero-imputed modality's vector takes part like a present one
 * @param eps the cosine epsilon: {@code cos = x·y / sqrt(max(|x|²|y|², eps²))} (spec 2.6: 1e-8)
 */
@Doc("Harmonizer parameters.")
public record HarmonizerConfig(
        @Doc("true: a modality missing for a sample leaves that sample's graph (weight 0, no softmax share); false: the released behaviour, zero-imputed modalities take part.") boolean maskMissing,
        @Doc("Cosine epsilon: cos = x·y / sqrt(max(|x|²|y|², eps²)) (spec 2.6: 1e-8).") double eps) {

    public HarmonizerConfig {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
    }

    /** Missing modalities masked, eps 1e-8. */
    public static HarmonizerConfig defaults() {
        return new HarmonizerConfig(true, 1e-8);
    }
}
