package org.scale4j.data.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.memory.util.Float16;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataException;

class M5ProductImportTest {

    @TempDir
    static Path tmp;
    static M5Fixture fx;

    @BeforeAll
    static void fixture() throws IOException {
        fx = new M5Fixture(Files.createDirectories(tmp.resolve("m5")));
    }

    private static M5ProductImport.Builder all(Path out) {
        return M5ProductImport.builder()
                .imageTsv(fx.tsv0).imageTsv(fx.tsv1)
                .captions(fx.captions).idLabels(fx.idLabels).labelList(fx.labelList)
                .split("train", fx.trainIds).split("test", fx.testIds)
                .videoDir(fx.videoDir).audioDir(fx.audioDir)
                .output(out).threads(2);
    }

    @Test
    void importsEverySourceExactly() throws IOException {
        Path out = tmp.resolve("exact");
        List<String> bars = new ArrayList<>();
        ImportResult result = all(out).tokenizer(fx.tokenizer)
                .progress((items, done, total, elapsed) -> bars.add(items + "/" + done + "/" + total))
                .build().run();

        assertEquals(Map.of("train", 5L, "test", 3L), result.rowsBySplit());
        assertEquals(9, result.items()); // 8 TSV lines + 1 caption-only product
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("missing-file", 2L);
        kinds.put("corrupt", 2L);
        kinds.put("wrong-shape", 1L);
        kinds.put("bad-line", 0L);
        kinds.put("missing-caption", 2L);
        kinds.put("duplicate-id", 1L);
        kinds.put("bad-table-item", 1L);
        assertEquals(kinds, result.problemsByKind());
        assertTrue(!bars.isEmpty() && bars.get(bars.size() - 1).startsWith("9/"), bars.toString());

        ArrowRows data = new ArrowRows(out);
        assertEquals(8, data.rows.size());
        for (M5Fixture.Expected e : fx.expected.values()) {
            for (String split : e.splits) {
                ArrowRows.Row r = data.rows.get(split + "/" + e.id);
                assertNotNull(r, split + "/" + e.id);
                assertMatches(e, r, false);
            }
        }
        ArrowRows.Row p1 = data.rows.get("train/1001");
        assertArrayEquals(new int[] {5, 6, 7, 8, 9, 10, 11, 16}, p1.titleIds);
        assertArrayEquals(new int[] {12, 6}, p1.tableIds.get(0)[0]);
        assertArrayEquals(new int[] {5, 6}, p1.tableIds.get(0)[1]);
        assertArrayEquals(new int[] {13, 14}, p1.tableIds.get(1)[0]);
        assertArrayEquals(new int[] {15}, p1.tableIds.get(1)[1]);
        assertNull(data.rows.get("test/1005").titleIds);
        assertEquals(2, data.rows.get("train/1002").category); // relabelled by the id-label file
        assertEquals("玩具", data.rows.get("test/1008").categoryName);
        assertNull(data.rows.get("test/1008").category); // not in the label list

        assertEquals(List.of(
                "kind\tproduct_id\tfile\tline\tdetail",
                "missing-file\t1002\t" + fx.videoDir.resolve("1002.npy") + "\t0",
                "corrupt\t1003\t" + fx.tsv0 + "\t3",
                "corrupt\t1003\t" + fx.audioDir.resolve("1003.npy") + "\t0",
                "duplicate-id\t1002\t" + fx.tsv0 + "\t4",
                "bad-table-item\t1004\t" + fx.captions + "\t0",
                "wrong-shape\t1004\t" + fx.audioDir.resolve("1004.npy") + "\t0",
                "missing-caption\t1005\t" + fx.captions + "\t0",
                "missing-caption\t1007\t" + fx.captions + "\t0",
                "missing-file\t1006\t" + fx.audioDir.resolve("1006.npy") + "\t0"),
                Files.readAllLines(result.problemsFile()).stream()
                        .map(l -> l.startsWith("kind") ? l : String.join("\t", List.of(l.split("\t")).subList(0, 4)))
                        .toList());
        assertTrue(Files.readString(result.problemsFile()).contains("1004.npy\t0\tshape (80, 750), expected (80, 751)"));

        var m = data.manifest;
        assertEquals("scale4j-arrow", m.get("format").asText());
        assertEquals(1, m.get("version").asInt());
        assertEquals(List.of("train", "test"), iterable(m.get("splits").fieldNames()));
        assertEquals(2048, m.at("/columns/image_feats/dim").asInt());
        assertEquals("float32", m.at("/columns/image_feats/dtype").asText());
        assertEquals(751, m.at("/columns/audio_feats/dim").asInt());
        assertEquals(80, m.at("/columns/audio_feats/rows").asInt());
        assertEquals(8, m.at("/counts/rows").asInt());
        assertEquals(6, m.at("/counts/present/image_feats").asInt());
        assertEquals(M5Fixture.LABELS, iterable(m.get("categories").elements()).stream().map(n -> n.asText()).toList());
        for (var shard : m.get("shards")) {
            assertEquals(shard.get("sha256").asText(), sha256(out.resolve(shard.get("path").asText())));
        }
        assertTrue(data.schemas.get(0).getFields().stream().anyMatch(f -> f.getName().equals("title_ids")));
    }

    @Test
    void float16OutputKeepsValuesToHalfPrecision() throws IOException {
        Path out = tmp.resolve("half");
        all(out).float16(true).build().run();
        ArrowRows data = new ArrowRows(out);
        assertEquals("float16", data.manifest.at("/columns/video_feats/dtype").asText());
        assertTrue(data.schemas.get(0).getFields().stream().noneMatch(f -> f.getName().equals("title_ids")));
        for (M5Fixture.Expected e : fx.expected.values()) {
            ArrowRows.Row r = data.rows.get(e.splits.get(0) + "/" + e.id);
            assertMatches(e, r, true);
        }
    }

    @Test
    void threadCountDoesNotChangeTheOutput() throws IOException {
        ImportResult one = all(tmp.resolve("t1")).threads(1).shardRows(3).build().run();
        ImportResult two = all(tmp.resolve("t2")).threads(2).shardRows(3).build().run();
        assertEquals(Files.readString(one.manifest()), Files.readString(two.manifest()));
        assertEquals(Files.readString(one.problemsFile()), Files.readString(two.problemsFile()));
        List<Path> shards = shards(one.output());
        assertEquals(shards.size(), shards(two.output()).size());
        for (Path shard : shards) {
            assertEquals(sha256(shard), sha256(two.output().resolve(one.output().relativize(shard))));
        }
    }

    @Test
    void productGroupsAndDroppedUnlistedProducts() throws IOException {
        Path groups = fx.dir.resolve("fg_id_label.json");
        Files.writeString(groups, "{\"1001\": {\"label\": \"123\"}, \"1002\": \"sku-红-M\", \"1004\": 123}",
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("groups");
        ImportResult r = all(out).productGroups(groups).defaultSplit(null).build().run();
        assertEquals(Map.of("train", 4L, "test", 3L), r.rowsBySplit()); // 1007 is in no list
        ArrowRows data = new ArrowRows(out);
        assertEquals(1, data.manifest.at("/counts/unassigned").asInt());
        assertEquals(123L, data.rows.get("train/1001").productGroup);
        assertEquals(123L, data.rows.get("test/1004").productGroup);
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest("sku-红-M".getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(java.nio.ByteBuffer.wrap(d).getLong() & Long.MAX_VALUE, data.rows.get("train/1002").productGroup);
        assertNull(data.rows.get("train/1003").productGroup);
    }

    @Test
    void strictStopsAtTheFirstProblem() {
        Path out = tmp.resolve("strict");
        DataException e = assertThrows(DataException.class, () -> all(out).threads(1).strict(true).build().run());
        assertEquals(fx.videoDir.resolve("1002.npy") + ": product 1002: missing-file: no such file; the modality is"
                + " stored as missing (null) (the import stops at the first problem because of --strict; fix the"
                + " item, or run without --strict to skip and report such items)", e.getMessage());
        assertTrue(Files.notExists(out.resolve("manifest.json")));
    }

    @Test
    void resumeRedoesOnlyTheLostShard() throws IOException {
        Path out = tmp.resolve("resume");
        ImportResult first = all(out).shardRows(2).build().run();
        assertEquals(0, first.shardsReused());
        String manifest = Files.readString(first.manifest());
        String problems = Files.readString(first.problemsFile());
        Map<Path, String> shas = new TreeMap<>();
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (Path shard : shards(out)) {
            shas.put(shard, sha256(shard));
            Files.setLastModifiedTime(shard, old);
        }
        assertEquals(first.shardsWritten(), shas.size());
        Path lost = out.resolve("train/img000-00001.arrow");
        assertTrue(shas.containsKey(lost));
        Files.delete(lost);
        // what a crash leaves: a half-written temp shard and a torn journal line
        Files.writeString(out.resolve("train/img001-00000.arrow.tmp"), "partial");
        Files.writeString(out.resolve("_import/journal.jsonl"), "{\"unit\": \"img00", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        ImportResult second = all(out).shardRows(2).build().run();

        assertEquals(1, second.shardsWritten());
        assertEquals(shas.size() - 1, second.shardsReused());
        for (Map.Entry<Path, String> e : shas.entrySet()) {
            assertEquals(e.getValue(), sha256(e.getKey()), e.getKey().toString());
            assertEquals(e.getKey().equals(lost), !Files.getLastModifiedTime(e.getKey()).equals(old),
                    e.getKey().toString());
        }
        assertEquals(manifest, Files.readString(second.manifest()));
        assertEquals(problems, Files.readString(second.problemsFile()));
        assertEquals(first.rowsBySplit(), second.rowsBySplit());
    }

    @Test
    void resumingWithOtherOptionsIsRefused() {
        Path out = tmp.resolve("changed");
        all(out).build().run();
        DataException e = assertThrows(DataException.class, () -> all(out).float16(true).build().run());
        assertEquals(out + ": holds an import made with other inputs or options (float16: was false, now true);"
                + " rerun with the same inputs and options to resume, or import into an empty directory",
                e.getMessage());
    }

    @Test
    void userErrorsNameTheFile() throws IOException {
        Path missing = fx.dir.resolve("nope.json");
        DataException e = assertThrows(DataException.class,
                () -> all(tmp.resolve("err1")).captions(missing).build().run());
        assertEquals(missing + ": caption JSON not found; check the path", e.getMessage());

        Path broken = fx.dir.resolve("broken.json");
        Files.writeString(broken, "{\"1\": {\"title\": \"a\"}, \"2\": {\"title\": ", StandardCharsets.UTF_8);
        e = assertThrows(DataException.class, () -> all(tmp.resolve("err2")).captions(broken).build().run());
        assertTrue(e.getMessage().startsWith(broken + ": not valid JSON at byte "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the file may be truncated; re-download or fix it"), e.getMessage());
    }

    private static void assertMatches(M5Fixture.Expected e, ArrowRows.Row r, boolean half) {
        String at = e.id + ": ";
        assertEquals(e.title, r.title, at + "title");
        assertEquals(e.label, r.categoryName, at + "label");
        assertEquals(e.category, r.category, at + "category");
        assertNull(r.productGroup, at + "group");
        if (e.table == null) {
            assertNull(r.table, at + "table");
        } else {
            assertEquals(e.table.size(), r.table.size(), at + "table size");
            for (int i = 0; i < e.table.size(); i++) {
                assertArrayEquals(e.table.get(i), r.table.get(i), at + "table item " + i);
            }
        }
        if (e.features == null) {
            assertNull(r.image, at + "image");
            assertNull(r.boxes, at + "boxes");
        } else {
            assertEquals(e.boxes, r.imageRows, at + "regions");
            assertFloats(e.features, r.image, half, at + "image");
            float[] boxes = new float[e.boxes * 5];
            for (int b = 0; b < e.boxes; b++) {
                float x1 = e.pixelBoxes[b * 4];
                float y1 = e.pixelBoxes[b * 4 + 1];
                float x2 = e.pixelBoxes[b * 4 + 2];
                float y2 = e.pixelBoxes[b * 4 + 3];
                boxes[b * 5] = x1 / (float) e.w;
                boxes[b * 5 + 1] = y1 / (float) e.h;
                boxes[b * 5 + 2] = x2 / (float) e.w;
                boxes[b * 5 + 3] = y2 / (float) e.h;
                boxes[b * 5 + 4] = (y2 - y1) * (x2 - x1) / (float) (e.w * e.h);
            }
            assertArrayEquals(boxes, r.boxes, at + "boxes"); // boxes stay float32 in both modes
        }
        if (e.videoHalf == null) {
            assertNull(r.video, at + "video");
        } else {
            assertEquals(e.frames, r.videoRows, at + "frames");
            if (half) {
                assertArrayEquals(e.videoHalf, r.videoHalf, at + "video bits");
            } else {
                float[] widened = new float[e.videoHalf.length];
                for (int i = 0; i < widened.length; i++) {
                    widened[i] = Float16.toFloat(e.videoHalf[i]);
                }
                assertArrayEquals(widened, r.video, at + "video");
            }
        }
        if (e.audio == null) {
            assertNull(r.audio, at + "audio");
        } else {
            assertEquals(80, r.audioRows, at + "audio rows");
            assertFloats(e.audio, r.audio, half, at + "audio");
        }
    }

    /** Exact for float32; for float16, within half of a float16 ulp (round to nearest). */
    private static void assertFloats(float[] expected, float[] actual, boolean half, String what) {
        if (!half) {
            assertArrayEquals(expected, actual, what);
            return;
        }
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            float x = expected[i];
            float tolerance = Math.max(Math.abs(x) * 0x1p-11f, 0x1p-25f);
            if (Math.abs(x - actual[i]) > tolerance) {
                throw new AssertionError(what + "[" + i + "]: " + x + " became " + actual[i]);
            }
        }
    }

    private static List<Path> shards(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".arrow")).sorted().toList();
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
