package org.scale4j.launcher.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.TestPlugins;
import org.scale4j.launcher.TestRecipes;
import org.scale4j.launcher.command.RecipeContext;

class ResolvedRecipeTest {

    @Test
    void savesTheResolvedYamlIntoARunDirectory(@TempDir Path dir) throws Exception {
        Path file = TestRecipes.write(dir, "r.yaml", TestRecipes.VALID);
        ResolvedRecipe resolved = RecipeContext.open(file, List.of(), List.of(TestPlugins.dir(TestPlugins.TEST))).resolved();
        Path runDir = dir.resolve("runs/test/1");
        Path saved = resolved.saveTo(runDir);
        assertEquals(runDir.resolve("recipe.yaml"), saved);
        assertEquals(resolved.yaml(), Files.readString(saved));
        resolved.saveTo(runDir);
        try (Stream<Path> files = Files.list(runDir)) {
            assertEquals(List.of("recipe.yaml"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(64, resolved.sha256().length());
        assertEquals(resolved.sha256(), new ResolvedRecipe(resolved.recipe(), Files.readString(saved)).sha256());
    }
}
