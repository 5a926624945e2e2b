package org.scale4j.api.objective;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.SortedMap;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.FusionOutput;
import org.scale4j.api.model.HarmonyWeights;

/**
 * Everything the model computed for a (global) batch, as objectives see it. Under data parallelism
 * and micro-batching the parts are gathered across shards before objectives run, so a
 * contrastive loss sees every sample of the global batch as a negative.
 *
 * @param modalities the modality order of every {@code [B,M]} tensor, sorted by name
 * @param present {@code [B,M]} float32 presence
 * @param unimodal the unimodal encoder outputs by modality
 * @param contrastive the contrastive features {@code [B,P]} by modality: the unimodal summary token
 *     through the modality's pooler (Linear, ReLU; spec 2.6(a))
 * @param contrastWeights the harmonizer's weights computed from {@code contrastive}
 * @param fused the fusion outputs by modality
 * @param taskWeights the harmonizer's weights computed from the fused summaries (spec 2.6(b))
 */
public record ModelOutput(
        List<String> modalities,
        NDArray present,
        SortedMap<String, EncoderOutput> unimodal,
        SortedMap<String, NDArray> contrastive,
        HarmonyWeights contrastWeights,
        FusionOutput fused,
        HarmonyWeights taskWeights) {

    public ModelOutput {
        modalities = List.copyOf(modalities);
    }
}
