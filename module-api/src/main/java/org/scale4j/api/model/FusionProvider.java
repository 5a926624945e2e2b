package org.scale4j.api.model;

import java.util.List;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.plugin.Provider;

/** Makes fusion blocks; named in recipes under {@code model.fusion.type}. */
public interface FusionProvider<C extends Record> extends Provider<C> {

    /**
     * @param modalities the modalities the fusion sees, sorted by name; their {@code tokens()}
     *     fix the sequence lengths
     */
    Fusion create(List<ModalitySpec> modalities, ModelDims dims, C config);

    /** {@link #create} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default Fusion createFrom(List<ModalitySpec> modalities, ModelDims dims, Record config) {
        return create(modalities, dims, configType().cast(config));
    }
}
