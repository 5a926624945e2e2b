package org.scale4j.api.training;

import java.nio.file.Path;
import org.scale4j.api.plugin.Provider;

/** Makes training listeners; named in recipes as {@code listeners[].type}. */
public interface TrainingListenerProvider<C extends Record> extends Provider<C> {

    /** @param runDir the run directory, {@code runs/<name>/<version>} */
    TrainingListener create(Path runDir, C config);

    /** {@link #create} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default TrainingListener createFrom(Path runDir, Record config) {
        return create(runDir, configType().cast(config));
    }
}
