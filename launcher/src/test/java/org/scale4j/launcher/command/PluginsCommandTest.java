package org.scale4j.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
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
        String origin = " +module org.scale4j.testplugin  " + Pattern.quote(jar.toAbsolutePath().normalize().toString());
        // Names are padded to the longest name of their kind, which depends on what else is discovered.
        for (String line : new String[] {
            Pattern.quote("encoder (recipe: model.encoders.<modality>)"),
            "  test-encoder" + origin,
            " +Test encoder for recipe binding\\.",
            Pattern.quote("harmonizer (recipe: model.harmonizer)"),
            "  test-harmonizer" + origin,
            Pattern.quote("fusion (recipe: model.fusion)"),
            "  test-fusion" + origin,
            Pattern.quote("objective (recipe: objectives[])"),
            "  test-contrastive" + origin,
            "  test-masked" + origin,
            Pattern.quote("dataset (recipe: data.source)"),
            "  test-data" + origin,
            Pattern.quote("modality-kind (recipe: data.modalities.<modality>.kind)"),
            "  test-features" + origin,
            "  test-tokens" + origin,
            Pattern.quote("listener (recipe: listeners[])"),
            "  test-listener" + origin}) {
            assertTrue(run.out().lines().anyMatch(l -> l.matches(line)), () -> "no line matches '" + line + "' in\n" + run.out());
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
