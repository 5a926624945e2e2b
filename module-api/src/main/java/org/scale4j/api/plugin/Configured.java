package org.scale4j.api.plugin;

import java.util.Objects;

/**
 * A provider chosen by a recipe together with its bound configuration.
 *
 * @param provider the discovered provider
 * @param config its configuration, an instance of {@code provider.configType()}
 * @param recipeKey where in the recipe it was named, e.g. {@code model.encoders.text}
 */
public record Configured<P extends Provider<?>>(P provider, Record config, String recipeKey) {

    public Configured {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        if (!provider.configType().isInstance(config)) {
            throw new IllegalArgumentException(recipeKey + ": config " + config.getClass().getName()
                    + " is not a " + provider.configType().getName() + " for provider " + provider.name());
        }
    }
}
