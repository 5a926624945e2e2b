package org.scale4j.launcher.command;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scale4j.api.config.ConfigNode;
import org.scale4j.launcher.inject.Composition;
import org.scale4j.launcher.plugin.PluginRegistry;
import org.scale4j.launcher.recipe.RecipeResolver;
import org.scale4j.launcher.recipe.ResolvedRecipe;

/**
 * A recipe made ready for a command: loaded (includes, {@code --set}), plugins discovered from the
 * command line's {@code --plugins} and the recipe's {@code plugins.dirs}, bound.
 *
 * @param file the recipe file
 * @param resolved the bound recipe with its resolved YAML
 * @param registry the discovered plugins
 */
public record RecipeContext(Path file, ResolvedRecipe resolved, PluginRegistry registry) {

    /**
     * @throws org.scale4j.api.config.ConfigException on recipe problems
     * @throws org.scale4j.launcher.plugin.PluginException on plugin problems
     */
    public static RecipeContext open(Path file, List<String> setArguments, List<Path> commandLinePluginDirs) {
        ConfigNode tree = RecipeResolver.load(file, setArguments);
        List<Path> dirs = new ArrayList<>(commandLinePluginDirs);
        dirs.addAll(RecipeResolver.pluginDirs(tree));
        PluginRegistry registry = PluginRegistry.discover(dirs);
        return new RecipeContext(file, RecipeResolver.bind(tree, registry, file, setArguments), registry);
    }

    /** The injector of the composition root for this recipe. */
    public Injector injector() {
        return Composition.injector(resolved, registry);
    }
}
