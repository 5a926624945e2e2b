package org.scale4j.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;

/**
 * Per-sample weights of modality pairs and modalities (spec 2.6).
 *
 * @param modalities the modality order of both axes (sorted by name)
 * @param pairWeights {@code [B,M,M]}: row {@code i} weights the pairs of modality {@code i}
 *     (the released code reads pair (i,j) as row entry {@code [b,i,j]}); 0 where either modality
 *     is missing for the sample (unless a harmonizer is configured to reproduce the released
 *     behaviour, where zero-imputed modalities count as present)
 * @param modalityWeights {@code [B,M]}: the diagonal, used to scale masked-modelling heads; 0
 *     where the modality is missing (same exception)
 */
public record HarmonyWeights(List<String> modalities, NDArray pairWeights, NDArray modalityWeights) {

    public HarmonyWeights {
        modalities = List.copyOf(modalities);
        Objects.requireNonNull(pairWeights, "pairWeights");
        Objects.requireNonNull(modalityWeights, "modalityWeights");
    }

    /** The axis index of a modality; fails with the known names when it is absent. */
    public int indexOf(String modality) {
        int index = modalities.indexOf(modality);
        if (index < 0) {
            throw new IllegalArgumentException("no modality '" + modality + "' in " + modalities);
        }
        return index;
    }
}
