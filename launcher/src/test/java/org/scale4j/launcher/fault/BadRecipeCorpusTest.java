package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;

/**
 * The broken-recipe corpus, {@code src/test/resources/bad-recipes/*.yaml}. Each file starts with
 * {@code # expect: FRAGMENT} (the message must contain it) and, for mistakes that only show when a
 * run starts (data that does not fit, a GPU that is not there, nothing to resume), a line
 * {@code # command: train [ARGS]}. {@code @WORK@} stands for a scratch directory.
 *
 * <p>Every case must exit 2 with one {@code error:} message, no stack trace, and must leave no run
 * directory behind. {@code recipe validate} must reject the validation cases and accept the
 * {@code train} ones (they are valid recipes).
 */
class BadRecipeCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-recipes");

    @TempDir static Path work;

    /** One corpus file: its expected fragment and, for run-time cases, the train arguments. */
    record Case(Path file, String expect, List<String> trainArgs) {

        static Case read(Path file) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                List<String> lines = text.lines().toList();
                assertTrue(lines.get(0).startsWith("# expect: "), file + " must start with '# expect: '");
                String expect = lines.get(0).substring("# expect: ".length());
                List<String> train = null;
                if (lines.size() > 1 && lines.get(1).startsWith("# command: train")) {
                    train = new ArrayList<>();
                    for (String arg : lines.get(1).substring("# command: train".length()).trim().split(" ")) {
                        if (!arg.isEmpty()) {
                            train.add(arg.replace("@WORK@", work.toString()));
                        }
                    }
                }
                return new Case(file, expect, train);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** The recipe with {@code @WORK@} replaced, written into the scratch directory (bytes kept). */
        Path materialize() throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("@WORK@", work.toString());
            Path target = work.resolve("recipes").resolve(file.getFileName().toString());
            Files.createDirectories(target.getParent());
            Files.write(target, text.getBytes(StandardCharsets.ISO_8859_1));
            return target;
        }
    }

    static List<Case> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(Case::read).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenRecipeExitsTwoWithItsMessage() throws IOException {
        List<Case> cases = corpus();
        assertTrue(cases.stream().filter(c -> c.trainArgs() == null).count() >= 30, "at least 30 validation cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file().getFileName().toString(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Path recipe = c.materialize();
        CliRun validate = CliRun.of("recipe", "validate", recipe.toString());
        if (c.trainArgs() == null) {
            assertUserError(validate, c);
        } else {
            assertEquals(0, validate.status(), "a run-time case must be a valid recipe: " + validate.err());
            List<String> args = new ArrayList<>(List.of("train", recipe.toString()));
            args.addAll(c.trainArgs());
            assertUserError(CliRun.of(args.toArray(String[]::new)), c);
        }
        assertNoRunDirectory();
    }

    private static void assertUserError(CliRun run, Case c) {
        String name = c.file().getFileName().toString();
        assertEquals(2, run.status(), name + ": " + run.out() + run.err());
        assertTrue(run.err().startsWith("error: "), name + ": " + run.err());
        assertTrue(run.err().contains(c.expect()), name + ": expected '" + c.expect() + "' in: " + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), name + ": " + run.err());
    }

    /** No case may leave a (half-made) run directory. */
    private static void assertNoRunDirectory() throws IOException {
        Path runs = work.resolve("runs");
        if (!Files.exists(runs)) {
            return;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            List<Path> versions = files.filter(p -> p.getFileName().toString().startsWith("version_")).toList();
            assertEquals(List.of(), versions, "a failed start left run directories");
        }
    }
}
