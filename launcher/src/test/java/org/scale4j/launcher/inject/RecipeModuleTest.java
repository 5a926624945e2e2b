package org.scale4j.launcher.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.objective.ObjectiveProvider;
import org.scale4j.api.plugin.PluginKind;
import org.scale4j.api.recipe.Recipe;
import org.scale4j.api.recipe.TrainerSection;
import org.scale4j.launcher.TestPlugins;
import org.scale4j.launcher.TestRecipes;
import org.scale4j.launcher.command.RecipeContext;

class RecipeModuleTest {

    @Test
    void bindsTheRecipeSectionsAndTheDiscoveredProvidersByName(@TempDir Path dir) {
        Path file = TestRecipes.write(dir, "r.yaml", TestRecipes.VALID);
        RecipeContext context = RecipeContext.open(file, List.of(), List.of(TestPlugins.dir(TestPlugins.TEST)));
        Injector injector = context.injector();
        Recipe recipe = context.resolved().recipe();
        assertSame(recipe, injector.getInstance(Recipe.class));
        assertSame(recipe.trainer(), injector.getInstance(TrainerSection.class));
        assertEquals(new ModelDims(64, 0.1f, 0.02f), injector.getInstance(ModelDims.class));
        Map<String, EncoderProvider<?>> encoders = injector.getInstance(Key.get(new TypeLiteral<Map<String, EncoderProvider<?>>>() { }));
        assertEquals(context.registry().names(PluginKind.ENCODER), encoders.keySet().stream().sorted().toList());
        assertSame(recipe.model().encoders().get("text").provider(), encoders.get("test-encoder"));
        Map<String, ObjectiveProvider<?>> objectives = injector.getInstance(Key.get(new TypeLiteral<Map<String, ObjectiveProvider<?>>>() { }));
        assertEquals(context.registry().names(PluginKind.OBJECTIVE), objectives.keySet().stream().sorted().toList());
        assertTrue(objectives.keySet().containsAll(List.of("test-contrastive", "test-masked")), objectives.keySet()::toString);
    }
}
