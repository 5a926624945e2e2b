package org.scale4j.launcher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.launcher.CliRun;

/**
 * The broken-dataset corpus through the CLI: a valid synthetic Arrow dataset ({@code scale4j synth})
 * is copied and broken one way per case (files cut, emptied, replaced, removed; the manifest
 * garbled; the recipe pointing at columns, dims and lengths the data does not have), then
 * {@code scale4j train} and {@code scale4j inspect} are run on it in-process. Each must exit 2 with
 * the case's message fragment, no stack trace, and {@code train} must leave no run directory
 * (the data is opened before the run directory is made). Row-level defects (NaN features,
 * duplicate or null ids, boxes that do not match) need Arrow writers and are covered at library
 * level by module-data-arrow's {@code BrokenDataTest}.
 */
class BrokenDatasetCorpusTest {

    private static final Path RECIPE = Path.of("src/test/resources/fault/tiny.yaml").toAbsolutePath();
    private static final String SHARD = "train/part-00000.arrow";

    @TempDir static Path work;
    private static Path valid;

    /** How a case breaks the copy of the dataset, and what it changes in the recipe. */
    @FunctionalInterface
    interface Breakage {
        void apply(Path data) throws IOException;
    }

    /**
     * @param name the case
     * @param expect the fragment the error message must contain
     * @param breakage what is done to the dataset copy
     * @param sets recipe overrides of the case
     * @param inspect whether {@code scale4j inspect} must fail on it too (data defects, not recipe misfits)
     */
    record Case(String name, String expect, Breakage breakage, List<String> sets, boolean inspect) {
    }

    @BeforeAll
    static void synthesize() {
        valid = work.resolve("valid");
        CliRun synth = CliRun.of("synth", "--preset", "tiny", "--rows", "120", "--seed", "7", "--out", valid.toString());
        assertEquals(0, synth.status(), synth.err());
    }

    private static Case data(String name, String expect, Breakage breakage) {
        return new Case(name, expect, breakage, List.of(), true);
    }

    private static Case misfit(String name, String expect, String... sets) {
        return new Case(name, expect, d -> { }, List.of(sets), false);
    }

    static List<Case> corpus() {
        return List.of(
                data("shard-cut-in-half", "truncated or corrupt", d -> truncate(d.resolve(SHARD), 0.5)),
                data("shard-cut-to-its-magic", SHARD, d -> truncate(d.resolve(SHARD), 8.0 / Files.size(d.resolve(SHARD)))),
                data("shard-empty", "the file is empty; it is not an Arrow IPC file (re-export the shard)",
                        d -> Files.write(d.resolve(SHARD), new byte[0])),
                data("shard-is-text", SHARD, d -> Files.writeString(d.resolve(SHARD), "id,title\np1,red shoe\n")),
                data("shard-random-bytes", SHARD, d -> Files.write(d.resolve(SHARD), randomBytes(4096))),
                data("shard-footer-length-flipped", SHARD, d -> flip(d.resolve(SHARD), Files.size(d.resolve(SHARD)) - 9)),
                data("shard-missing", SHARD, d -> Files.delete(d.resolve(SHARD))),
                data("shard-is-a-directory", SHARD, d -> {
                    Files.delete(d.resolve(SHARD));
                    Files.createDirectories(d.resolve(SHARD));
                }),
                data("manifest-not-json", "manifest.json", d -> Files.writeString(d.resolve("manifest.json"), "{\"format\": ")),
                data("manifest-wrong-format", "manifest.json", d -> edit(d.resolve("manifest.json"), "scale4j-arrow", "parquet")),
                data("manifest-future-version", "manifest.json", d -> edit(d.resolve("manifest.json"), "\"version\" : 1", "\"version\" : 9")),
                // inspect accepts a dataset without a train split (it may be an evaluation set); train must not
                new Case("manifest-without-train-split", "train", d -> edit(d.resolve("manifest.json"), "\"train\" : [",
                        "\"training\" : ["), List.of(), false),
                data("dataset-empty-directory", "", d -> {
                    try (Stream<Path> files = Files.walk(d)) {
                        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            if (!p.equals(d)) {
                                Files.delete(p);
                            }
                        }
                    }
                }),
                misfit("recipe-dim-65", "has vectors of size 64 but the recipe says 65 (recipe key data.modalities.image.dim)",
                        "data.modalities.image.dim=65"),
                misfit("recipe-max-len-3", "regions, the recipe allows 3 (data.modalities.image.max_len)",
                        "data.modalities.image.max_len=3"),
                misfit("recipe-column-missing", "column 'titel' not found", "data.modalities.text.column=titel"),
                misfit("recipe-column-wrong-type", "column 'category' is int32, expected utf8 (recipe key data.modalities.text.column)",
                        "data.modalities.text.column=category"),
                misfit("recipe-boxes-column-missing", "column 'boxes' not found", "data.modalities.image.boxes=boxes"));
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenDatasetExitsTwoWithItsMessage() {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 15, "at least 15 broken datasets");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        Path data = work.resolve("broken").resolve(c.name());
        ReferenceRun.copyTree(valid, data);
        c.breakage().apply(data);
        List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(),
                "--set", "run.name=" + c.name(), "--set", "run.out=" + work.resolve("runs"),
                "--set", "data.source={type: arrow, path: '" + data + "'}"));
        for (String set : c.sets()) {
            args.add("--set");
            args.add(set);
        }
        assertUserError(c, CliRun.of(args.toArray(String[]::new)));
        assertFalse(Files.exists(work.resolve("runs").resolve(c.name())), c.name() + ": a run directory was made");
        if (c.inspect()) {
            assertUserError(c, CliRun.of("inspect", data.toString()));
        }
    }

    private static void assertUserError(Case c, CliRun run) {
        assertEquals(2, run.status(), c.name() + ": " + run.out() + run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(c.expect()),
                c.name() + ": expected '" + c.expect() + "' in: " + run.err());
        // no stack trace (the data layer names the Arrow reader's exception inside its sentence)
        assertFalse(run.err().contains("\tat ") || run.err().contains("internal error"), c.name() + ": " + run.err());
    }

    private static void truncate(Path file, double fraction) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate((long) (channel.size() * fraction));
        }
    }

    private static void flip(Path file, long at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) at] ^= (byte) 0xFF;
        Files.write(file, bytes);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(9).nextBytes(bytes);
        return bytes;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
