package org.scale4j.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./scale4j} as a real process, on the module path it builds, from another working
 * directory. The reactor's classes and {@code launcher/target/lib} exist at this point of the
 * build, so the script is told not to build ({@code SCALE4J_NO_BUILD=1}); it runs with the JDK
 * that runs the tests.
 */
class ScriptTest {

    record Result(int status, String out, String err) {
    }

    private static Result script(Path workDir, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("scale4j.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("scale4j").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("SCALE4J_NO_BUILD", "1");
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "scale4j did not finish");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void listsPluginsFromAJarDirectoryOnTheModulePath(@TempDir Path workDir) throws Exception {
        Path plugins = TestPlugins.dir(TestPlugins.TEST).toAbsolutePath();
        Result result = script(workDir, "plugins", "--plugins", plugins.toString());
        assertEquals(0, result.status(), result.err());
        String line = "  test-encoder +module org.scale4j.testplugin  " + java.util.regex.Pattern.quote(plugins.resolve("testplugin.jar").toString());
        assertTrue(result.out().lines().anyMatch(l -> l.matches(line)), result.out());
        assertFalse(result.err().contains("WARNING"), result.err());
    }

    @Test
    void aBrokenRecipeExitsWithTwoAndNoStackTrace(@TempDir Path workDir) throws Exception {
        TestRecipes.write(workDir, "bad.yaml", TestRecipes.validWith("batch_size: 8", "batch_size: 0"));
        Result result = script(workDir, "recipe", "validate", "--plugins",
                TestPlugins.dir(TestPlugins.TEST).toAbsolutePath().toString(), "bad.yaml");
        assertEquals(2, result.status(), result.err());
        assertEquals("error: bad.yaml:4:15: data.batch_size: must be >= 1, got 0\n",
                result.err().lines().filter(l -> !l.startsWith("[main] INFO")).map(l -> l + "\n").reduce("", String::concat));
    }
}
