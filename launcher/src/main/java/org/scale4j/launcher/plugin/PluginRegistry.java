package org.scale4j.launcher.plugin;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scale4j.api.config.ProviderLookup;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.plugin.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin provider scale4j can use, by kind: found with {@link ServiceLoader} over the boot
 * module graph (scale4j's own plugin modules, and any jar on the class path) and over one module
 * layer per external plugin jar ({@code --plugins DIR}, recipe key {@code plugins.dirs}).
 *
 * <p>Discovery fails, listing every problem at once, when a jar cannot be loaded (with the jar and
 * the reason), a provider cannot be instantiated, a name is not lower-kebab-case, a config type is
 * not a record, or two providers of one kind share a name (naming both with module and jar).
 * Each discovered provider is logged with its module and location (INFO for plugin jars, DEBUG for
 * scale4j's own modules). The registry is immutable.
 */
public final class PluginRegistry implements ProviderLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<PluginKind, List<DiscoveredProvider>> byKind;

    private PluginRegistry(Map<PluginKind, List<DiscoveredProvider>> byKind) {
        this.byKind = byKind;
    }

    /**
     * Discovers the boot providers and those of every {@code *.jar} in {@code pluginDirs}.
     *
     * @throws PluginException listing every problem
     */
    public static PluginRegistry discover(List<Path> pluginDirs) {
        List<String> problems = new ArrayList<>();
        List<DiscoveredProvider> found = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            collect(kind, ServiceLoader.load(kind.service(), PluginRegistry.class.getClassLoader()), null, found, problems);
        }
        for (Path jar : jars(pluginDirs, problems)) {
            ModuleLayer layer;
            try {
                layer = PluginJarLoader.load(jar);
            } catch (PluginException e) {
                problems.add(e.getMessage());
                continue;
            }
            int before = found.size();
            for (PluginKind kind : PluginKind.values()) {
                collect(kind, ServiceLoader.load(layer, kind.service()), layer, found, problems);
            }
            if (found.size() == before) {
                LOG.warn("plugin jar {} provides no scale4j plugin (no 'provides org.scale4j.api...' in its module-info)", jar);
            }
        }
        Map<PluginKind, List<DiscoveredProvider>> byKind = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        Map<String, DiscoveredProvider> byKey = new HashMap<>();
        for (DiscoveredProvider provider : found) {
            DiscoveredProvider other = byKey.putIfAbsent(provider.kind() + "/" + provider.name(), provider);
            if (other != null) {
                problems.add("two " + provider.kind().displayName() + " plugins are named '" + provider.name() + "': "
                        + other.describe() + " and " + provider.describe() + "; remove one of them");
                continue;
            }
            byKind.get(provider.kind()).add(provider);
        }
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        for (List<DiscoveredProvider> providers : byKind.values()) {
            providers.sort(Comparator.comparing(DiscoveredProvider::name));
        }
        byKind.replaceAll((kind, list) -> List.copyOf(list));
        // Plugins from external jars are logged at INFO (a researcher wants to see their jar was
        // picked up); scale4j's own at DEBUG, since `scale4j plugins` lists them on demand.
        for (List<DiscoveredProvider> providers : byKind.values()) {
            for (DiscoveredProvider p : providers) {
                boolean external = p.provider().getClass().getModule().getLayer() != ModuleLayer.boot();
                String message = "discovered {} plugin '{}' in module {} ({})";
                if (external) {
                    LOG.info(message, p.kind().displayName(), p.name(), p.module(), p.location());
                } else {
                    LOG.debug(message, p.kind().displayName(), p.name(), p.module(), p.location());
                }
            }
        }
        return new PluginRegistry(byKind);
    }

    /** The discovered providers of {@code kind} with their origin, sorted by name. */
    public List<DiscoveredProvider> discovered(PluginKind kind) {
        return byKind.get(kind);
    }

    @Override
    public List<? extends Provider<?>> providers(PluginKind kind) {
        return byKind.get(kind).stream().map(DiscoveredProvider::provider).toList();
    }

    private static void collect(PluginKind kind, ServiceLoader<?> loader, ModuleLayer onlyLayer,
            List<DiscoveredProvider> found, List<String> problems) {
        List<ServiceLoader.Provider<?>> candidates = new ArrayList<>();
        try {
            loader.stream().forEach(candidates::add);
        } catch (ServiceConfigurationError e) {
            problems.add(kind.displayName() + " providers cannot be listed: " + e.getMessage());
        }
        for (ServiceLoader.Provider<?> candidate : candidates) {
            Class<?> type = candidate.type();
            if (onlyLayer != null && type.getModule().getLayer() != onlyLayer) {
                continue; // a provider of a parent layer, already found there
            }
            String origin = type.getName() + " in module " + moduleName(type) + " (" + location(type) + ")";
            Object instance;
            try {
                instance = candidate.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(kind.displayName() + " provider " + origin + " cannot be created: " + e.getMessage());
                continue;
            }
            Provider<?> provider = (Provider<?>) instance;
            String name;
            Class<?> configType;
            try {
                name = provider.name();
                configType = provider.configType();
            } catch (RuntimeException e) {
                problems.add(kind.displayName() + " provider " + origin + " fails to describe itself: " + e);
                continue;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add(kind.displayName() + " provider " + origin + " has the name '" + name
                        + "'; a plugin name is lower-kebab-case, e.g. bert-text");
            } else if (configType == null || !configType.isRecord()) {
                problems.add(kind.displayName() + " provider " + origin + " has config type " + configType
                        + "; it must be a record (NoConfig for none)");
            } else {
                found.add(new DiscoveredProvider(kind, provider, moduleName(type), location(type)));
            }
        }
    }

    private static Set<Path> jars(List<Path> dirs, List<String> problems) {
        Set<Path> jars = new LinkedHashSet<>();
        Set<Path> seenDirs = new LinkedHashSet<>();
        for (Path dir : dirs) {
            Path normal = dir.toAbsolutePath().normalize();
            if (!seenDirs.add(normal)) {
                continue;
            }
            if (!Files.isDirectory(normal)) {
                problems.add("plugin directory " + dir + " does not exist or is not a directory");
                continue;
            }
            try (Stream<Path> files = Files.list(normal)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .sorted()
                        .forEach(jars::add);
            } catch (IOException e) {
                problems.add("plugin directory " + dir + " cannot be listed: " + e.getMessage());
            }
        }
        return jars;
    }

    private static String moduleName(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() ? module.getName() : "(class path)";
    }

    /** The jar or directory a class was loaded from. */
    static String location(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            var reference = module.getLayer().configuration().findModule(module.getName());
            if (reference.isPresent() && reference.get().reference().location().isPresent()) {
                return display(reference.get().reference().location().get());
            }
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                return display(source.getLocation().toURI());
            } catch (java.net.URISyntaxException e) {
                return source.getLocation().toString();
            }
        }
        return "(unknown location)";
    }

    private static String display(URI uri) {
        return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    }
}
