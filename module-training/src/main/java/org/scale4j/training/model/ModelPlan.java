package org.scale4j.training.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.FusionProvider;
import org.scale4j.api.model.HarmonizerProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.plugin.Configured;

/**
 * Everything {@link ModelBuilder} needs, as resolved from a recipe.
 *
 * @param modalities the resolved modalities (any order; the model sorts them by name)
 * @param dims the shared sizes ({@code model.hidden}, dropout, init std)
 * @param contrastiveDim the size {@code P} of the contrastive poolers (paper: 1024)
 * @param encoders the encoder of every modality, by modality name
 * @param sharing optional weight sharing, sharer → owner (e.g. {@code table → text},
 *     {@code video → image}, spec quirk Q2); empty by default
 * @param harmonizer the harmonizer
 * @param fusion the fusion
 * @param objectives the objectives with their loss weights, in recipe order
 */
public record ModelPlan(
        List<ModalitySpec> modalities,
        ModelDims dims,
        int contrastiveDim,
        Map<String, Configured<EncoderProvider<?>>> encoders,
        Map<String, String> sharing,
        Configured<HarmonizerProvider<?>> harmonizer,
        Configured<FusionProvider<?>> fusion,
        List<WeightedObjective> objectives) {

    public ModelPlan {
        modalities = List.copyOf(modalities);
        Objects.requireNonNull(dims, "dims");
        encoders = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(encoders));
        SortedMap<String, String> sorted = new TreeMap<>(sharing == null ? Map.of() : sharing);
        sharing = java.util.Collections.unmodifiableSortedMap(sorted);
        Objects.requireNonNull(harmonizer, "harmonizer");
        Objects.requireNonNull(fusion, "fusion");
        objectives = List.copyOf(objectives);
        if (contrastiveDim < 1) {
            throw new IllegalArgumentException("model.contrastive_dim must be >= 1, got " + contrastiveDim);
        }
    }
}
