package org.scale4j.encoders;

import org.scale4j.api.modality.ModalitySpec;

/** Input checks of the feature encoders. */
final class FeatureChecks {

    private FeatureChecks() {
    }

    static void requireFeatures(ModalitySpec modality) {
        if (modality.featureDim() < 1) {
            throw new IllegalArgumentException("model.encoders." + modality.name()
                    + ": a feature encoder needs the modality's feature dim (data.modalities." + modality.name()
                    + ".dim), got " + modality.featureDim());
        }
    }
}
