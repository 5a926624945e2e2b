package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;

/**
 * Hostile YAML through the whole CLI ({@code recipe validate}): alias bombs, very deep nesting and
 * huge documents stop quickly with a message naming the limit, exit 2, and no stack trace. Memory
 * stays bounded by construction: a file is measured before it is read ({@code MAX_BYTES}), and
 * alias expansion is counted, never performed, before the node limit stops it.
 */
class YamlLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir Path dir;

    private CliRun validate(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return assertTimeoutPreemptively(BOUND, () -> CliRun.of("recipe", "validate", file.toString()));
    }

    private static void assertRejected(CliRun run, String fragment) {
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(fragment), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }

    /** {@code levels} anchors, each a list of {@code width} aliases of the previous one. */
    private static String laughs(int levels, int width) {
        StringBuilder s = new StringBuilder("l0: &l0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            s.append('l').append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < width; i++) {
                s.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            s.append("]\n");
        }
        return s.toString();
    }

    @Test
    void billionLaughsStop() throws Exception {
        // 9 levels of 9 aliases: 9^9 = 387,420,489 values once expanded; the count stops it at level 6
        assertRejected(validate("laughs.yaml", laughs(9, 9)), "laughs.yaml:6:");
        assertRejected(validate("laughs.yaml", laughs(9, 9)), "aliases expand to more than 100000 values (an alias bomb?)");
    }

    @Test
    void manyCheapAliasesStopAtTheAliasCount() throws Exception {
        assertRejected(validate("aliases.yaml", "a: &a x\nb: [" + "*a, ".repeat(50) + "*a]\n"),
                "more than 50 aliases; a recipe does not need that many");
    }

    @Test
    void fewAliasesThatExpandHugelyStopAtTheExpansionBound() throws Exception {
        // 7 levels of 7 aliases: 49 aliases, 7^7 = 823,543 values once expanded
        assertRejected(validate("expand.yaml", laughs(7, 7)), "aliases expand to more than 100000 values (an alias bomb?)");
    }

    @Test
    void veryDeepNestingStops() throws Exception {
        assertRejected(validate("deep-flow.yaml", "x: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"), "nesting");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertRejected(validate("deep-block.yaml", block.toString()), "nesting");
    }

    @Test
    void hugeDocumentsStopBeforeTheyAreRead() throws Exception {
        String line = "# " + "x".repeat(1000) + "\n";
        assertRejected(validate("huge.yaml", line.repeat(60_000)), "file is larger than 1048576 bytes");
    }

    @Test
    void tooManyValuesStop() throws Exception {
        StringBuilder s = new StringBuilder("x: [");
        for (int i = 0; i < 110_000; i++) {
            s.append(i == 0 ? "0" : ",0");
        }
        assertRejected(validate("many.yaml", s.append("]\n").toString()), "more than 100000 values; a recipe is a small file");
    }

    @Test
    void hugeOverrideValuesStop() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "run: {name: x}\n");
        CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of("recipe", "validate", file.toString(), "--set",
                "run.name=[" + "[".repeat(50_000) + "]".repeat(50_000) + "]"));
        assertRejected(run, "nesting");
    }
}
