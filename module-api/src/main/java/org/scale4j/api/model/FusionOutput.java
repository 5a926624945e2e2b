package org.scale4j.api.model;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fused token states per modality; each modality's fused summary is its token 0.
 *
 * @param modalities the fused states by modality name, sorted
 */
public record FusionOutput(SortedMap<String, EncoderOutput> modalities) {

    public FusionOutput {
        modalities = Collections.unmodifiableSortedMap(new TreeMap<>(modalities));
    }

    /** The fused output of one modality; fails with the known names when absent. */
    public EncoderOutput of(String modality) {
        EncoderOutput out = modalities.get(modality);
        if (out == null) {
            throw new IllegalArgumentException("no fused modality '" + modality + "' in " + modalities.keySet());
        }
        return out;
    }
}
