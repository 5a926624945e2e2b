package org.scale4j.api.objective;

import org.scale4j.api.plugin.Provider;

/** Makes objectives; named in recipes as {@code objectives[].type}. */
public interface ObjectiveProvider<C extends Record> extends Provider<C> {

    Objective create(ObjectiveContext context, C config);

    /** {@link #create} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default Objective createFrom(ObjectiveContext context, Record config) {
        return create(context, configType().cast(config));
    }
}
