package org.scale4j.training.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.SortedMap;

/**
 * Features for evaluation (spec 3.2), computed in eval mode.
 *
 * @param modalities modality order, sorted
 * @param present {@code [B,M]} float32
 * @param fusedSummaries the fused summary {@code [B,H]} (token 0 of the fused states) by modality;
 *     all 0 for a sample missing the modality
 * @param contrastive the pooled unimodal features {@code [B,P]} by modality
 */
public record EvalFeatures(
        List<String> modalities,
        NDArray present,
        SortedMap<String, NDArray> fusedSummaries,
        SortedMap<String, NDArray> contrastive) {

    public EvalFeatures {
        modalities = List.copyOf(modalities);
    }
}
