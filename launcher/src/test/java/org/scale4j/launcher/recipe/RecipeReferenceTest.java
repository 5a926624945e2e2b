package org.scale4j.launcher.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;
import org.scale4j.launcher.TestPlugins;
import org.scale4j.launcher.command.RecipeDocCommand;
import org.scale4j.launcher.plugin.PluginRegistry;

class RecipeReferenceTest {

    private static final Path RECIPES_MD = Path.of(System.getProperty("scale4j.root", ".."))
            .toAbsolutePath().normalize().resolve("docs/recipes.md");

    @Test
    void theCommittedReferenceMatchesTheRecords() throws Exception {
        String reference = RecipeReference.markdown(PluginRegistry.discover(List.of()));
        String expected = RecipeDocCommand.updated(RECIPES_MD, reference);
        String committed = Files.readString(RECIPES_MD, StandardCharsets.UTF_8);
        if (!expected.equals(committed)) {
            // assertEquals shows the difference; the message says how to fix it
            assertEquals(expected, committed, "docs/recipes.md is out of date with the recipe and plugin config records; "
                    + "regenerate it with: ./scale4j recipe doc --update docs/recipes.md");
        }
    }

    @Test
    void everyKeyOfEveryBuiltInPluginHasAMeaning() {
        String reference = RecipeReference.markdown(PluginRegistry.discover(List.of()));
        List<String> undocumented = reference.lines().filter(l -> l.startsWith("| `") && l.endsWith("|  |")).toList();
        assertEquals(List.of(), undocumented, "keys without @Doc");
    }

    @Test
    void aPluginJarsKeysAppearWithTheirDefaults() {
        CliRun run = CliRun.of("recipe", "doc", "--plugins", TestPlugins.dir(TestPlugins.TEST).toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("#### `test-encoder`\n\nTest encoder for recipe binding.\n"), run.out());
        assertTrue(run.out().contains("| `model.fusion` | plugin (fusion) | `{type: joint-co-transformer}` | "), run.out());
    }

    @Test
    void updatingAFileWithoutTheMarkerIsAUserError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.md");
        Files.writeString(file, "# Notes\n");
        CliRun run = CliRun.of("recipe", "doc", "--update", file.toString());
        assertEquals(2, run.status());
        assertEquals("error: " + file + " has no line '" + RecipeReference.MARKER
                + "'; add it where the generated reference should start\n", run.err());
        assertEquals("# Notes\n", Files.readString(file));
    }

    @Test
    void updateKeepsTheTextAboveTheMarkerAndReplacesTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recipes.md");
        Files.writeString(file, "# Recipes\n\nprose\n\n" + RecipeReference.MARKER + "\n\nstale table\n");
        CliRun run = CliRun.of("recipe", "doc", "--update", file.toString());
        assertEquals(0, run.status(), run.err());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Recipes\n\nprose\n\n" + RecipeReference.MARKER + "\n\n## Key reference\n"), text);
        assertTrue(!text.contains("stale table") && text.contains("\n## Plugin parameters\n"), text);
    }
}
