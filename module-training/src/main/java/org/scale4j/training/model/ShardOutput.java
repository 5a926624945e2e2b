package org.scale4j.training.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
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

    /**
     * The same output with every array replaced by {@code f} of it (e.g. moved to another device),
     * visiting presence, then per modality in sorted order the unimodal states and mask, the
     * contrastive features, the fused states and mask.
     */
    public ShardOutput map(UnaryOperator<NDArray> f) {
        NDArray mappedPresent = f.apply(present);
        SortedMap<String, EncoderOutput> mappedUnimodal = new TreeMap<>();
        SortedMap<String, NDArray> mappedContrastive = new TreeMap<>();
        SortedMap<String, EncoderOutput> mappedFused = new TreeMap<>();
        for (String name : modalities) {
            EncoderOutput u = unimodal.get(name);
            mappedUnimodal.put(name, new EncoderOutput(f.apply(u.states()), f.apply(u.mask())));
            mappedContrastive.put(name, f.apply(contrastive.get(name)));
            EncoderOutput v = fused.of(name);
            mappedFused.put(name, new EncoderOutput(f.apply(v.states()), f.apply(v.mask())));
        }
        return new ShardOutput(modalities, mappedPresent, mappedUnimodal, mappedContrastive,
                new FusionOutput(mappedFused));
    }
}
