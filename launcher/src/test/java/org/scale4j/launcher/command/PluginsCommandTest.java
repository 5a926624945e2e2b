package org.scale4j.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;
import org.scale4j.launcher.TestPlugins;

class PluginsCommandTest {

    @Test
    void listsTheProvidersOfAPluginJarByKindWithModuleAndJar() {
        Path jar = TestPlugins.jar(TestPlugins.TEST);
        CliRun run = CliRun.of("plugins", "--plugins", TestPlugins.dir(TestPlugins.TEST).toString());
        assertEquals(0, run.status(), run.err());
        String module = "  module org.scale4j.testplugin  " + jar.toAbsolutePath().normalize();
        for (String line : new String[] {
            "encoder (recipe: model.encoders.<modality>)",
            "  test-encoder" + module,
            "                Test encoder for recipe binding.",
            "harmonizer (recipe: model.harmonizer)",
            "  test-harmonizer" + module,
            "fusion (recipe: model.fusion)",
            "  test-fusion" + module,
            "objective (recipe: objectives[])",
            "  test-contrastive" + module,
            "  test-masked     " + module,
            "dataset (recipe: data.source)",
            "  test-data" + module,
            "modality-kind (recipe: data.modalities.<modality>.kind)",
            "  test-features" + module,
            "  test-tokens  " + module,
            "listener (recipe: listeners[])",
            "  test-listener" + module}) {
            assertTrue(run.out().lines().anyMatch(line::equals), () -> "missing line '" + line + "' in\n" + run.out());
        }
    }

    @Test
    void theRootOptionWorksBeforeTheCommandToo() {
        CliRun run = CliRun.of("--plugins", TestPlugins.dir(TestPlugins.TEST).toString(), "plugins");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("test-encoder"), run.out());
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNamingBoth(@TempDir Path dir) throws Exception {
        Files.copy(TestPlugins.jar(TestPlugins.TEST), dir.resolve("a.jar"));
        Files.copy(TestPlugins.jar(TestPlugins.DUPLICATE), dir.resolve("b.jar"));
        CliRun run = CliRun.of("plugins", "--plugins", dir.toString());
        assertEquals(2, run.status());
        assertEquals("error: two encoder plugins are named 'test-encoder': 'test-encoder' "
                + "(org.scale4j.testplugin.TestEncoderProvider in module org.scale4j.testplugin, " + dir.resolve("a.jar")
                + ") and 'test-encoder' (org.scale4j.testplugin.dup.DuplicateEncoderProvider in module "
                + "org.scale4j.testplugin.dup, " + dir.resolve("b.jar") + "); remove one of them\n", run.err());
    }

    @Test
    void aJarThatCannotLoadIsReportedWithItsReason() {
        Path jar = TestPlugins.jar(TestPlugins.BROKEN);
        CliRun run = CliRun.of("plugins", "--plugins", jar.getParent().toString());
        assertEquals(2, run.status());
        assertEquals("error: plugin jar " + jar.toAbsolutePath().normalize() + ": module org.scale4j.testplugin.broken cannot be "
                + "resolved: Module org.example.missing not found, required by org.scale4j.testplugin.broken\n", run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void notAJarAndMissingDirectoriesAreUserErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("junk.jar"), "not a zip");
        CliRun junk = CliRun.of("plugins", "--plugins", dir.toString());
        assertEquals(2, junk.status());
        assertTrue(junk.err().startsWith("error: plugin jar " + dir.resolve("junk.jar") + ": not a loadable module: "), junk.err());
        CliRun missing = CliRun.of("plugins", "--plugins", dir.resolve("nope").toString());
        assertEquals(2, missing.status());
        assertEquals("error: plugin directory " + dir.resolve("nope") + " does not exist or is not a directory\n", missing.err());
    }
}
