package org.scale4j.training.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.SortedMap;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.FusionOutput;

/**
 * The per-sample part of the forward pass for one shard (or the gathered global batch).
 *
 * @param modalities modality order of the {@code [B,M]} presence, sorted
 * @param present {@code [B,M]} float32
 * @param unimodal encoder outputs by modality ({@code [B,T,H]} states, {@code [B,T]} masks)
 * @param contrastive pooled contrastive features {@code [B,P]} by modality (spec 2.6(a))
 * @param fused the fusion outputs
 */
public record ShardOutput(
        List<String> modalities,
        NDArray present,
        SortedMap<String, EncoderOutput> unimodal,
        SortedMap<String, NDArray> contrastive,
        FusionOutput fused) {

    public ShardOutput {
        modalities = List.copyOf(modalities);
    }
}
