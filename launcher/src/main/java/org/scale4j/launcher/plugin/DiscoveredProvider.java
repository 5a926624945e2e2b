package org.scale4j.launcher.plugin;

import java.util.Objects;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;

/**
 * A provider found by discovery, with where it came from.
 *
 * @param kind the plugin kind (its service interface)
 * @param provider the provider instance
 * @param module the name of the provider's module, or {@code (class path)} for the unnamed module
 * @param location the jar or directory the module was loaded from
 */
public record DiscoveredProvider(PluginKind kind, Provider<?> provider, String module, String location) {

    public DiscoveredProvider {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
    }

    /** The provider's recipe name. */
    public String name() {
        return provider.name();
    }

    /** {@code 'name' (class in module at location)}, for messages. */
    public String describe() {
        return "'" + name() + "' (" + provider.getClass().getName() + " in module " + module + ", " + location + ")";
    }
}
