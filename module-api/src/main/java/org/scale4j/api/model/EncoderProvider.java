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

    /**
     * Creates an encoder for {@code modality} that shares weights with {@code owner}, the encoder
     * built for another modality (the released code shares text with table and image with video,
     * spec quirk Q2). What is shared is the provider's choice and must be documented: the whole
     * encoder (the result may be {@code owner} itself) or only its transformer layers. Shared
     * parameters stay owned by {@code owner}, so they are counted, saved and optimised once.
     *
     * @throws IllegalArgumentException when this provider cannot share with {@code owner}
     *     (the default); the message names both
     */
    default ModalityEncoder createShared(ModalitySpec modality, ModelDims dims, C config, ModalityEncoder owner) {
        throw new IllegalArgumentException("encoder '" + name() + "' of modality " + modality.name()
                + " cannot share weights with a " + owner.getClass().getSimpleName());
    }

    /** {@link #createShared} with a config typed as {@link Record}. */
    default ModalityEncoder createSharedFrom(
            ModalitySpec modality, ModelDims dims, Record config, ModalityEncoder owner) {
        return createShared(modality, dims, configType().cast(config), owner);
    }
}
