package org.scale4j.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Turns per-modality summary vectors into pair and modality weights. A pure function of its
 * inputs (no parameters); gradients flow through it.
 */
@FunctionalInterface
public interface Harmonizer {

    /**
     * @param modalities the modality names along axis 1, sorted
     * @param summaries {@code [B,M,D]} one summary vector per modality
     * @param present {@code [B,M]} float32, 1 where the sample has the modality
     */
    HarmonyWeights harmonize(List<String> modalities, NDArray summaries, NDArray present);
}
