package org.scale4j.api.model;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.plugin.Provider;

/** Makes unimodal encoders; named in recipes under {@code model.encoders.<modality>.type}. */
public interface EncoderProvider<C extends Record> extends Provider<C> {

    /** The modality kinds this encoder accepts, e.g. {@code [tokens, key-value]}. */
    Set<String> kinds();

    /**
     * Creates an encoder for one modality.
     *
     * @throws IllegalArgumentException when the configuration does not fit the modality or dims
     *     (e.g. hidden not divisible by heads); the message shows the values
     */
    ModalityEncoder create(ModalitySpec modality, ModelDims dims, C config);

    /** {@link #create} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default ModalityEncoder createFrom(ModalitySpec modality, ModelDims dims, Record config) {
        return create(modality, dims, configType().cast(config));
    }
}
