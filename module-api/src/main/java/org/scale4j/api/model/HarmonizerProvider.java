package org.scale4j.api.model;

import org.scale4j.api.plugin.Provider;

/** Makes harmonizers; named in recipes under {@code model.harmonizer.type}. */
public interface HarmonizerProvider<C extends Record> extends Provider<C> {

    Harmonizer create(C config);

    /** {@link #create} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default Harmonizer createFrom(Record config) {
        return create(configType().cast(config));
    }
}
