package org.scale4j.launcher.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scale4j.launcher.CliRun;

/**
 * Every recipe under {@code recipes/} (except the {@code base/} fragments, which are only
 * included) validates against the plugins discovered on the module path: unknown plugin names
 * fail here with the list of known names.
 */
class ShippedRecipesTest {

    static Path recipesDir() {
        return Path.of(System.getProperty("scale4j.root", "..")).resolve("recipes");
    }

    @TestFactory
    Stream<DynamicTest> everyShippedRecipeValidates() throws IOException {
        List<Path> recipes;
        try (Stream<Path> files = Files.walk(recipesDir())) {
            recipes = files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !recipesDir().relativize(f).startsWith("base"))
                    .sorted()
                    .toList();
        }
        assertFalse(recipes.isEmpty(), "no recipes under " + recipesDir());
        return recipes.stream().map(recipe -> DynamicTest.dynamicTest(recipesDir().relativize(recipe).toString(), () -> {
            CliRun run = CliRun.of("recipe", "validate", recipe.toString());
            assertEquals(0, run.status(), run.err());
        }));
    }
}
