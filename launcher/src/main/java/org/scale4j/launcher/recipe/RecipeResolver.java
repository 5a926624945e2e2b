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
        Optional<ConfigNode> plugins = tree instanceof MapNode root ? root.get("plugins") : Optional.empty();
        Optional<ConfigNode> list = plugins.filter(MapNode.class::isInstance).flatMap(p -> ((MapNode) p).get("dirs"));
        if (list.isPresent() && list.get() instanceof ListNode items) {
            for (ConfigNode item : items.items()) {
                if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                    Path written = Path.of(scalar.text());
                    Path base = scalar.location().line() > 0 ? Path.of(scalar.location().file()).getParent() : null;
                    dirs.add(base == null || written.isAbsolute() ? written : base.resolve(written).normalize());
                }
            }
        }
        return dirs;
    }

    /**
     * Binds a loaded tree into a {@link Recipe} and its resolved YAML.
     *
     * @param source the recipe file, named in the YAML header
     * @throws ConfigException with every problem found
     */
    public static ResolvedRecipe bind(ConfigNode tree, ProviderLookup providers, Path source, List<String> setArguments) {
        Recipe recipe = RecordBinder.bind(Recipe.class, tree, "", providers);
        StringBuilder header = new StringBuilder("resolved by scale4j from " + source);
        for (String set : setArguments) {
            header.append("\n  --set ").append(set);
        }
        header.append("\nincludes and overrides applied, defaults filled");
        return ResolvedRecipe.of(recipe, header.toString());
    }
}
