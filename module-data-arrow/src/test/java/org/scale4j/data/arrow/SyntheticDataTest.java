package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataException;
import org.scale4j.data.arrow.tools.DatasetInspector;
import org.scale4j.data.arrow.tools.InspectReport;
import org.scale4j.data.arrow.tools.SyntheticGenerator;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/** The synthetic generator: same seed same bytes, and the paper's data statistics (spec 1.3), via inspect. */
class SyntheticDataTest {

    @TempDir Path tmp;

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path a = TestData.tiny(tmp.resolve("a"), 400, 42);
        Path b = TestData.tiny(tmp.resolve("b"), 400, 42);
        Path c = TestData.tiny(tmp.resolve("c"), 400, 43);
        List<Path> fa = files(a);
        assertEquals(List.of("manifest.json", "test/part-00000.arrow", "train/part-00000.arrow",
                "val/part-00000.arrow"), fa.stream().map(p -> a.relativize(p).toString()).toList());
        for (Path f : fa) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("train/part-00000.arrow")),
                Files.readAllBytes(c.resolve("train/part-00000.arrow"))));
    }

    @Test
    void synthThenInspectShowsThePaperStatistics() {
        Path data = tmp.resolve("tiny");
        SyntheticGenerator.generate(SyntheticPreset.tiny(), data, 7, m -> { });
        InspectReport report = DatasetInspector.inspect(data);
        assertEquals(2400, report.totalRows());
        assertEquals(List.of("train", "val", "test"), List.copyOf(report.rows().keySet()));
        assertEquals(0.8, report.rows().get("train") / 2400.0, 0.05);
        long[] k = report.modalityCounts();
        assertEquals(6, k.length);
        double missing = 1 - k[5] / 2400.0;
        double unimodal = k[1] / 2400.0;
        assertEquals(0.20, missing, 0.03, "share missing at least one modality");
        assertEquals(0.05, unimodal, 0.015, "share with one modality");
        assertEquals(0, k[0]);
        // long tail: 30 categories, the top 20% hold over half of the rows, the largest >= 10x the smallest
        List<Map.Entry<String, Long>> cats = report.categories();
        assertEquals(30, cats.size());
        long top = cats.stream().limit(6).mapToLong(Map.Entry::getValue).sum();
        assertTrue(top > 0.5 * 2400, "head share " + top);
        assertTrue(cats.get(0).getValue() >= 10 * cats.get(29).getValue(), cats.toString());
        assertEquals(10, report.lengths().get("image_feats").max());
        assertEquals(8, report.lengths().get("audio_feats").min());
        String text = report.render();
        assertTrue(text.contains("categories: 30 over 2400 labelled rows"), text);
        assertTrue(text.contains("image_feats: list<fixed_size_list<float32>[64]>"), text);
    }

    @Test
    void paperPresetHasThePaperShapes() {
        SyntheticPreset p = SyntheticPreset.paper().withRows(12);
        Path data = tmp.resolve("paper");
        SyntheticGenerator.generate(p, data, 1, m -> { });
        String schema = String.join("\n", DatasetInspector.inspect(data).schema());
        assertTrue(schema.contains("image_feats: list<fixed_size_list<float32>[2048]>"), schema);
        assertTrue(schema.contains("image_boxes: list<fixed_size_list<float32>[5]>"), schema);
        assertTrue(schema.contains("video_feats: list<fixed_size_list<float16>[1024]>"), schema);
        assertTrue(schema.contains("audio_feats: list<fixed_size_list<float32>[751]>"), schema);
        assertEquals(36, p.imageRegions());
        assertEquals(12, p.videoFrames());
        assertEquals(80, p.audioRows());
    }

    @Test
    void refusesANonEmptyOutputDirectory() throws IOException {
        Path out = tmp.resolve("busy");
        Files.createDirectories(out);
        Files.writeString(out.resolve("x"), "x");
        String message = assertThrows(DataException.class,
                () -> SyntheticGenerator.generate(SyntheticPreset.tiny(), out, 1, m -> { })).getMessage();
        assertEquals(out + ": already exists and is not empty; choose another --out or delete it", message);
        assertEquals("data.source.preset: unknown synthetic preset 'huge'; choose one of [tiny, small, paper]",
                assertThrows(DataException.class, () -> SyntheticPreset.byName("huge", "data.source.preset"))
                        .getMessage());
    }
}
