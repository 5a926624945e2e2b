package org.scale4j.encoders;

import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.nn.TransformerStack;

/** Finds the transformer stack a feature encoder borrows from its owner. */
final class SharedLayers {

    private SharedLayers() {
    }

    static TransformerStack of(ModalitySpec modality, ModalityEncoder owner) {
        if (owner instanceof RegionEncoder || owner instanceof FrameEncoder) {
            return ((StackedEncoder) owner).layers();
        }
        throw new IllegalArgumentException("model.share." + modality.name() + ": a feature encoder can share layers"
                + " only with a region-transformer or frame-transformer, not a " + owner.getClass().getSimpleName());
    }
}
