package org.scale4j.launcher.recipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scale4j.api.config.ConfigException;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.api.config.ListNode;
import org.scale4j.api.config.MapNode;
import org.scale4j.api.config.ProviderLookup;
import org.scale4j.api.config.RecordBinder;
import org.scale4j.api.config.ScalarNode;
import org.scale4j.api.recipe.Recipe;

/**
 * The path from a recipe file to typed records: {@link RecipeLoader} (YAML, includes,
 * {@code --set}), then the plugin directories the recipe names, then {@link RecordBinder} with
 * the discovered providers.
 */
public final class RecipeResolver {

    private RecipeResolver() {
    }

    /**
     * Loads {@code file} with its includes and the {@code --set} arguments applied.
     *
     * @throws ConfigException on any problem
     */
    public static ConfigNode load(Path file, List<String> setArguments) {
        List<SetOverride> overrides = new ArrayList<>();
        for (int i = 0; i < setArguments.size(); i++) {
            overrides.add(SetOverride.parse(setArguments.get(i), i + 1));
        }
        return RecipeLoader.load(file, overrides);
    }

    /**
     * The {@code plugins.dirs} of a loaded tree, each resolved against the directory of the file
     * that wrote it ({@code --set} values against the working directory). Malformed entries are
     * skipped here; binding reports them.
     */
    public static List<Path> pluginDirs(ConfigNode tree) {
        List<Path> dirs = new ArrayList<>();
        for (ScalarNode item : pluginDirItems(tree)) {
            dirs.add(resolveDir(item));
        }
        return dirs;
    }

    /**
     * {@code tree} with every {@code plugins.dirs} entry made absolute ({@link #pluginDirs}), so
     * that the resolved recipe finds the same jars wherever it is saved (e.g. a run directory).
     */
    public static ConfigNode withAbsolutePluginDirs(ConfigNode tree) {
        List<ScalarNode> items = pluginDirItems(tree);
        if (items.isEmpty()) {
            return tree;
        }
        MapNode root = (MapNode) tree;
        MapNode plugins = (MapNode) root.get("plugins").orElseThrow();
        ListNode dirs = (ListNode) plugins.get("dirs").orElseThrow();
        List<ConfigNode> absolute = new ArrayList<>();
        for (ConfigNode item : dirs.items()) {
            absolute.add(item instanceof ScalarNode scalar && !scalar.isNull()
                    ? ScalarNode.string(resolveDir(scalar).toAbsolutePath().normalize().toString(), scalar.location())
                    : item);
        }
        MapNode.Entry pluginsEntry = root.entry("plugins").orElseThrow();
        MapNode.Entry dirsEntry = plugins.entry("dirs").orElseThrow();
        return root.with("plugins", pluginsEntry.keyLocation(),
                plugins.with("dirs", dirsEntry.keyLocation(), new ListNode(absolute, dirs.location())));
    }

    private static List<ScalarNode> pluginDirItems(ConfigNode tree) {
        List<ScalarNode> out = new ArrayList<>();
        Optional<ConfigNode> plugins = tree instanceof MapNode root ? root.get("plugins") : Optional.empty();
        Optional<ConfigNode> list = plugins.filter(MapNode.class::isInstance).flatMap(p -> ((MapNode) p).get("dirs"));
        if (list.isPresent() && list.get() instanceof ListNode items) {
            for (ConfigNode item : items.items()) {
                if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                    out.add(scalar);
                }
            }
        }
        return out;
    }

    private static Path resolveDir(ScalarNode item) {
        Path written = Path.of(item.text());
        Path base = item.location().line() > 0 ? Path.of(item.location().file()).getParent() : null;
        return base == null || written.isAbsolute() ? written : base.resolve(written).normalize();
    }

    /**
     * Binds a loaded tree into a {@link Recipe} and its resolved YAML; {@code plugins.dirs} become
     * absolute paths.
     *
     * @param source the recipe file, named in the YAML header
     * @throws ConfigException with every problem found
     */
    public static ResolvedRecipe bind(ConfigNode tree, ProviderLookup providers, Path source, List<String> setArguments) {
        Recipe recipe = RecordBinder.bind(Recipe.class, withAbsolutePluginDirs(tree), "", providers);
        StringBuilder header = new StringBuilder("resolved by scale4j from " + source);
        for (String set : setArguments) {
            header.append("\n  --set ").append(set);
        }
        header.append("\nincludes and overrides applied, defaults filled");
        return ResolvedRecipe.of(recipe, header.toString());
    }
}
