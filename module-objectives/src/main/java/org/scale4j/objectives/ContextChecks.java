package org.scale4j.objectives;

import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.WordEmbeddings;
import org.scale4j.api.objective.ObjectiveContext;

/** Checks an objective's modality against the model, with errors naming the recipe key. */
final class ContextChecks {

    private ContextChecks() {
    }

    static ModalitySpec tokenModality(ObjectiveContext context, String task, String modality) {
        ModalitySpec spec = context.modality(modality);
        if (!spec.isTokenKind()) {
            throw new IllegalArgumentException(context.recipeKey() + ": " + task + " needs a token modality, but '"
                    + modality + "' is of kind '" + spec.kind() + "'");
        }
        return spec;
    }

    static WordEmbeddings wordEmbeddings(ObjectiveContext context, String task, String modality) {
        ModalityEncoder encoder = context.encoders().get(modality);
        if (!(encoder instanceof WordEmbeddings embeddings)) {
            throw new IllegalArgumentException(context.recipeKey() + ": " + task + " ties its decoder to the word"
                    + " embeddings of the " + modality + " encoder, but that encoder ("
                    + (encoder == null ? "none" : encoder.getClass().getSimpleName()) + ") has none");
        }
        return embeddings;
    }

    static ModalitySpec featureModality(ObjectiveContext context, String task, String modality) {
        ModalitySpec spec = context.modality(modality);
        if (spec.featureDim() < 1) {
            throw new IllegalArgumentException(context.recipeKey() + ": " + task + " needs a feature modality, but '"
                    + modality + "' (kind '" + spec.kind() + "') has no feature dim");
        }
        return spec;
    }
}
