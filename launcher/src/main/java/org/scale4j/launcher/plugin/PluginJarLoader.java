package org.scale4j.launcher.plugin;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads one external plugin jar into a module layer of its own, on top of the boot layer: the
 * jar's module (explicit, or automatic when it has no module-info) sees {@code org.scale4j.api}
 * and whatever else the boot layer has, and its providers are found with {@link java.util.ServiceLoader}
 * over the new layer. A jar per layer keeps one plugin's packages from clashing with another's.
 */
final class PluginJarLoader {

    private PluginJarLoader() {
    }

    /**
     * @return the new layer, holding exactly the jar's module
     * @throws PluginException naming the jar and the reason when the jar cannot be loaded
     */
    static ModuleLayer load(Path jar) {
        ModuleFinder finder = ModuleFinder.of(jar);
        Set<ModuleReference> modules;
        try {
            modules = finder.findAll();
        } catch (FindException e) {
            throw fail(jar, "not a loadable module: " + reason(e));
        }
        if (modules.size() != 1) {
            throw fail(jar, "expected one module, found " + modules.size());
        }
        String name = modules.iterator().next().descriptor().name();
        if (ModuleLayer.boot().findModule(name).isPresent()) {
            throw fail(jar, "its module " + name + " is already part of scale4j; remove the jar or rename its module");
        }
        ModuleLayer boot = ModuleLayer.boot();
        try {
            Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of(name));
            return ModuleLayer.defineModulesWithOneLoader(configuration, List.of(boot), ClassLoader.getSystemClassLoader())
                    .layer();
        } catch (FindException | ResolutionException e) {
            throw fail(jar, "module " + name + " cannot be resolved: " + reason(e));
        } catch (LayerInstantiationException e) {
            throw fail(jar, "module " + name + " cannot be loaded: " + reason(e));
        }
    }

    private static PluginException fail(Path jar, String reason) {
        return new PluginException(List.of("plugin jar " + jar + ": " + reason));
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
