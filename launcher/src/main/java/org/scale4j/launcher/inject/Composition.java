package org.scale4j.launcher.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import org.scale4j.launcher.plugin.PluginRegistry;
import org.scale4j.launcher.recipe.ResolvedRecipe;

/** Builds the injector of a run: {@link RecipeModule} in {@link Stage#PRODUCTION}, so wiring errors surface at once. */
public final class Composition {

    private Composition() {
    }

    public static Injector injector(ResolvedRecipe resolved, PluginRegistry registry) {
        return Guice.createInjector(Stage.PRODUCTION, new RecipeModule(resolved, registry));
    }
}
