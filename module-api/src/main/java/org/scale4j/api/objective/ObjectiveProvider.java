package org.scale4j.api.objective;

import org.scale4j.api.plugin.Provider;

/** Makes objectives; named in recipes as {@code objectives[].type}. */
public interface ObjectiveProvider<C extends Record> extends Provider<C> {

    Objective create(ObjectiveContext context, C config);
}
