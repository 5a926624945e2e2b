package org.scale4j.launcher.recipe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ScalarNode;
import org.scale4j.api.config.SourceLocation;

/**
 * Reads a recipe file with its {@code includes:} and applies {@code --set} overrides, giving one
 * merged {@link ConfigNode} tree.
 *
 * <p>{@code includes:} is a list of paths relative to the including file (or one path). Included
 * files are merged in order, then the including file over them; includes nest, and a cycle is an
 * error that shows the chain. Overrides are applied last, in command-line order. Precedence, lowest
 * first: the first include, ..., the last include, the file itself, {@code --set #1}, {@code --set #2}, ...
 */
public final class RecipeLoader {

    /** The key that lists included recipes. */
    public static final String INCLUDES = "includes";

    private RecipeLoader() {
    }

    /**
     * The merged tree of {@code file} with its includes and {@code overrides} applied.
     *
     * @throws ConfigException on any YAML, include or override problem
     */
    public static ConfigNode load(Path file, List<SetOverride> overrides) {
        ConfigNode tree = loadFile(file, file.toString(), new ArrayDeque<>(), null);
        for (SetOverride override : overrides) {
            tree = override.applyTo(tree);
        }
        return tree;
    }

    private static ConfigNode loadFile(Path file, String displayName, Deque<Path> chain, SourceLocation includedAt) {
        Path identity = file.toAbsolutePath().normalize();
        if (chain.contains(identity)) {
            List<String> cycle = new ArrayList<>();
            chain.descendingIterator().forEachRemaining(p -> cycle.add(p.getFileName().toString()));
            cycle.add(identity.getFileName().toString());
            throw new ConfigException(includedAt, INCLUDES, "include cycle: " + String.join(" -> ", cycle));
        }
        if (includedAt != null && !Files.isRegularFile(file)) {
            throw new ConfigException(includedAt, INCLUDES, "cannot find included recipe '" + displayName
                    + "' (looked at " + identity + ")");
        }
        ConfigNode tree = YamlTreeReader.readFile(file, displayName);
        if (!(tree instanceof MapNode map)) {
            throw new ConfigException(tree.location(), "", "a recipe is a map of sections (run:, data:, model:, ...), got "
                    + tree.describe());
        }
        chain.push(identity);
        ConfigNode merged = null;
        for (ScalarNode include : includes(map)) {
            Path included = resolve(file, include.text());
            merged = TreeMerge.merge(merged, loadFile(included, included.toString(), chain, include.location()));
        }
        chain.pop();
        MapNode own = map.without(INCLUDES::equals);
        return merged == null ? TreeMerge.merge(null, own) : TreeMerge.merge(merged, own);
    }

    private static List<ScalarNode> includes(MapNode map) {
        Optional<ConfigNode> value = map.get(INCLUDES);
        if (value.isEmpty() || value.get() instanceof ScalarNode s && s.isNull()) {
            return List.of();
        }
        List<ConfigNode> items = value.get() instanceof ListNode list ? list.items() : List.of(value.get());
        List<ScalarNode> paths = new ArrayList<>();
        for (ConfigNode item : items) {
            if (!(item instanceof ScalarNode scalar) || scalar.isNull() || scalar.text().isBlank()) {
                throw new ConfigException(item.location(), INCLUDES, "expected a recipe path, got " + item.describe());
            }
            paths.add(scalar);
        }
        return paths;
    }

    private static Path resolve(Path includingFile, String include) {
        Path parent = includingFile.getParent();
        Path path = parent == null ? Path.of(include) : parent.resolve(include);
        return path.normalize();
    }
}
