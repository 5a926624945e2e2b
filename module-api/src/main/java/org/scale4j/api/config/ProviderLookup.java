package org.scale4j.api.config;

import java.util.List;
import java.util.Optional;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;

/**
 * The discovered providers, as the {@link RecordBinder} sees them: it resolves a recipe's
 * {@code type:} names through this interface. The launcher's plugin registry implements it.
 */
public interface ProviderLookup {

    /** No providers at all: binding any plugin section fails with "no ... plugins discovered". */
    ProviderLookup NONE = kind -> List.of();

    /** The providers of {@code kind}, sorted by name; never null. */
    List<? extends Provider<?>> providers(PluginKind kind);

    /** The provider of {@code kind} named {@code name}, if discovered. */
    default Optional<Provider<?>> find(PluginKind kind, String name) {
        for (Provider<?> provider : providers(kind)) {
            if (provider.name().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /** The names of the providers of {@code kind}, sorted. */
    default List<String> names(PluginKind kind) {
        return providers(kind).stream().map(Provider::name).sorted().toList();
    }
}
