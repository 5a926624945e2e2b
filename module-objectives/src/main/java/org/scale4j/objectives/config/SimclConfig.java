package org.scale4j.objectives.config;

import org.scale4j.api.config.Doc;

/**
 * Configuration of {@code simcl} (spec 2.7).
 *
 * @param temperature the NT-Xent temperature τ (released code: 0.07)
 * @param maskMissing true (default): a sample missing either modality of a pair is neither an
 *     anchor nor a negative for that pair; false: the released behaviour, where zero-imputed
 *     modalities take part like present ones
 */
@Doc("SIMCL parameters.")
public record SimclConfig(
        @Doc("NT-Xent temperature τ, > 0 (released: 0.07).") double temperature,
        @Doc("true: a sample missing either modality of a pair is neither anchor nor negative for that pair; false: the released behaviour with zero-imputed modalities.") boolean maskMissing) {

    public SimclConfig {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("simcl.temperature must be > 0, got " + temperature);
        }
    }

    /** τ = 0.07, missing modalities masked. */
    public static SimclConfig defaults() {
        return new SimclConfig(0.07, true);
    }
}
