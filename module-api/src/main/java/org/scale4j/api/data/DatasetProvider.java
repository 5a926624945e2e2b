package org.scale4j.api.data;

import org.scale4j.api.plugin.Provider;

/** Opens datasets; named in recipes under {@code data.source.type} (e.g. {@code arrow}, {@code synthetic}). */
public interface DatasetProvider<C extends Record> extends Provider<C> {

    /** @throws DataException when the data cannot be opened or fails validation */
    Dataset open(DataContext context, C config);

    /** {@link #open} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default Dataset openFrom(DataContext context, Record config) {
        return open(context, configType().cast(config));
    }
}
