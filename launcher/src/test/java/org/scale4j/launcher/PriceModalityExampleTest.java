package org.scale4j.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;
import org.scale4j.tensorboard.reader.EventFile;
import org.scale4j.tensorboard.reader.EventFileReader;

/**
 * Issue 8's proof that a modality can be added without touching scale4j: the separate Maven project
 * {@code examples/price-modality} (which depends on the api only) is compiled into a plugin jar,
 * {@code scale4j plugins} lists its three providers, and its own recipe, the quickstart's five
 * modalities plus {@code price}, trains 20 steps on synthetic data that has the new column.
 */
class PriceModalityExampleTest {

    private static final String MODULE = "org.scale4j.examples.price";

    @Test
    void theExamplePluginAddsAModalityThatTrainsWithTheFiveBuiltInOnes(@TempDir Path dir) throws Exception {
        Path jar = ExamplePluginBuild.build("price-modality", dir.resolve("build"));
        Path plugins = jar.getParent();

        CliRun listed = CliRun.of("plugins", "--plugins", plugins.toString());
        assertEquals(0, listed.status(), listed.err());
        String origin = " +module " + Pattern.quote(MODULE) + "  " + Pattern.quote(jar.toAbsolutePath().normalize().toString());
        for (String line : List.of("  numeric-vector" + origin, "  numeric-transformer" + origin, "  mnm" + origin)) {
            assertTrue(listed.out().lines().anyMatch(l -> l.matches(line)), () -> "no line matches '" + line + "' in\n"
                    + listed.out());
        }

        Path data = dir.resolve("data");
        SyntheticGenerator.generate(SyntheticPreset.tiny().withRows(800), data, 7, line -> { });
        long[] rows = PriceColumnWriter.addTo(data);
        assertEquals(800, rows[0]);
        assertTrue(rows[1] > 600 && rows[1] < 780, "about 10% of the products have no price: " + rows[1] + " of 800");

        Path runs = dir.resolve("runs");
        Path recipe = ExamplePluginBuild.root().resolve("examples/price-modality/recipe.yaml");
        CliRun trained = CliRun.of("train", recipe.toString(), "--plugins", plugins.toString(),
                "--set", "data.source.path=" + data,
                "--set", "run.out=" + runs,
                "--set", "trainer.steps=20",
                "--set", "trainer.optimizer.lr=1.0e-3",
                "--set", "trainer.log_every=1",
                "--set", "trainer.val_every=0",
                "--set", "tensorboard.every=1",
                "--set", "tensorboard.histograms_every=0",
                "--set", "checkpoint.every=0",
                "--set", "eval.tasks=[]",
                "--set", "data.batch_size=16",
                "--set", "data.prefetch=0",
                "--set", "model.hidden=32",
                "--set", "model.contrastive_dim=32",
                "--set", "model.encoders={text: {type: bert-text, layers: 1, heads: 4, ffn: 64},"
                        + " table: {type: bert-text, layers: 1, heads: 4, ffn: 64},"
                        + " image: {type: region-transformer, layers: 1, heads: 4, ffn: 64},"
                        + " video: {type: frame-transformer, layers: 1, heads: 4, ffn: 64},"
                        + " audio: {type: frame-transformer, layers: 1, heads: 4, ffn: 64},"
                        + " price: {type: numeric-transformer, layers: 1, heads: 4, ffn: 64}}",
                "--set", "model.fusion={type: joint-co-transformer, layers: 1, heads: 4}");
        assertEquals(0, trained.status(), () -> trained.err() + trained.out());
        assertFalse(trained.err().contains("\tat "), trained.err());

        EventFile events = EventFileReader.read(eventFile(runs.resolve("price-modality")));
        assertTrue(events.isClean(), events.problems().toString());
        SortedMap<Long, Double> mnm = events.scalars("loss/mnm");
        assertEquals(20, mnm.size(), "loss/mnm at every step: " + mnm);
        assertTrue(mnm.values().stream().allMatch(Double::isFinite), mnm.toString());
        assertTrue(mnm.values().stream().anyMatch(v -> v > 0), "mnm saw hidden numbers: " + mnm);
        assertTrue(events.scalars("weight/price").values().stream().allMatch(v -> v > 0 && v < 1),
                "the harmonizer weighs the new modality: " + events.scalars("weight/price"));
        SortedMap<Long, Double> total = events.scalars("loss/total");
        assertEquals(20, total.size(), total.toString());
        assertTrue(total.values().stream().allMatch(Double::isFinite), total.toString());
        double first = mean(total.values().stream().limit(5).toList());
        double last = mean(total.values().stream().skip(15).toList());
        assertTrue(last < first, "loss/total falls: first five steps " + first + ", last five " + last + " in " + total);
    }

    private static Path eventFile(Path runsOfName) throws Exception {
        try (Stream<Path> files = Files.walk(runsOfName)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList();
            assertEquals(1, found.size(), "one event file under " + runsOfName + ": " + found);
            return found.get(0);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
