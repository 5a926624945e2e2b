package org.scale4j.api.objective;

import java.util.List;
import java.util.Map;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;

/**
 * What an {@link ObjectiveProvider} gets to build its objective.
 *
 * @param modalities every modality of the model, sorted by name
 * @param dims the model sizes
 * @param contrastiveDim the size {@code P} of the contrastive features
 * @param encoders the built encoders by modality, for heads tied to them (see
 *     {@link org.scale4j.api.model.WordEmbeddings})
 * @param recipeKey the recipe path of this objective, e.g. {@code objectives[2]}, for errors
 */
public record ObjectiveContext(
        List<ModalitySpec> modalities,
        ModelDims dims,
        int contrastiveDim,
        Map<String, ModalityEncoder> encoders,
        String recipeKey) {

    public ObjectiveContext {
        modalities = List.copyOf(modalities);
        encoders = Map.copyOf(encoders);
    }

    /** The named modality; fails naming the recipe key and the known modalities when absent. */
    public ModalitySpec modality(String name) {
        return modalities.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(recipeKey + ": unknown modality '" + name
                        + "'; the recipe has " + modalities.stream().map(ModalitySpec::name).toList()));
    }
}
