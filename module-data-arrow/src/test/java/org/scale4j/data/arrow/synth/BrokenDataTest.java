package org.scale4j.data.arrow.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.DataException;
import org.scale4j.api.data.Dataset;
import org.scale4j.data.arrow.FramesKind;
import org.scale4j.data.arrow.RegionsKind;
import org.scale4j.data.arrow.TokensKind;
import org.scale4j.data.arrow.config.FramesConfig;
import org.scale4j.data.arrow.config.RegionsConfig;
import org.scale4j.data.arrow.config.TokenizerConfig;
import org.scale4j.data.arrow.config.TokensConfig;
import org.scale4j.data.arrow.dataset.ArrowDataset;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.SourceOptions;
import org.scale4j.data.arrow.tools.DatasetInspector;
import org.scale4j.data.arrow.tools.SyntheticPreset;

/**
 * The broken-file corpus: each file gives a {@link DataException} (the CLI's exit 2) whose message
 * names the file, the column, the row id and the recipe key, both when a recipe opens it and when
 * {@code scale4j inspect} reads it; never a JVM crash.
 */
class BrokenDataTest {

    @TempDir Path tmp;

    private static SyntheticRow row(String id, int regions, float value) {
        float[][] feats = new float[regions][64];
        float[][] boxes = new float[regions][];
        for (int r = 0; r < regions; r++) {
            java.util.Arrays.fill(feats[r], value + r);
            boxes[r] = new float[] {0, 0, 1, 1, 1};
        }
        float[][] video = {new float[48], new float[48]};
        float[][] audio = {new float[32]};
        return new SyntheticRow(id, 1, "a/b", 7, "red shoe " + id, List.<String[]>of(new String[] {"color", "red"}),
                feats, boxes, video, audio);
    }

    /** Writes {@code rows} as the single shard {@code data/train/part-00000.arrow} with a manifest. */
    private Path dataset(List<SyntheticRow> rows) throws IOException {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir.resolve("train"));
        try (BufferAllocator allocator = new RootAllocator();
                ShardWriter w = new ShardWriter(dir.resolve("train/part-00000.arrow"),
                        CanonicalSchema.of(SyntheticPreset.tiny()), allocator)) {
            w.write(rows);
        }
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"scale4j-arrow\", \"version\": 1, \"splits\":"
                + " {\"train\": [\"train/part-00000.arrow\"]}, \"columns\": {\"image_feats\": {\"dim\": 64}}}");
        return dir;
    }

    private List<SyntheticRow> good(int n) {
        List<SyntheticRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row("p" + i, 1 + i % 5, i));
        }
        return rows;
    }

    private static DataContext context(Path work, String textColumn, String imageColumn, int imageDim) {
        Map<String, DataContext.CollatorFactory> m = new LinkedHashMap<>();
        m.put("text", DataContext.CollatorFactory.of(new TokensKind(), "text", textColumn,
                new TokensConfig(16, TokenizerConfig.defaults(), false)));
        m.put("image", DataContext.CollatorFactory.of(new RegionsKind(), "image", imageColumn,
                new RegionsConfig("image_boxes", imageDim, 10)));
        m.put("video", DataContext.CollatorFactory.of(new FramesKind(), "video", "video_feats", new FramesConfig(48, 6)));
        return new DataContext(m, work, 1);
    }

    private String openError(Path data, DataContext context) {
        return assertThrows(DataException.class, () -> ArrowDataset.open(DatasetLayout.resolve(data, "data.source.path"),
                SourceOptions.defaults(), context).close()).getMessage();
    }

    private String inspectError(Path data) {
        return assertThrows(DataException.class, () -> DatasetInspector.inspect(data)).getMessage();
    }

    private DataContext standard() {
        return context(tmp, "title", "image_feats", 64);
    }

    @Test
    void goodDataOpens() throws IOException {
        Path data = dataset(good(6));
        try (Dataset ds = ArrowDataset.open(DatasetLayout.resolve(data, "k"), SourceOptions.defaults(), standard())) {
            assertEquals(6, ds.size("train"));
        }
        assertEquals(6, DatasetInspector.inspect(data).totalRows());
    }

    @Test
    void truncatedFile() throws IOException {
        Path data = dataset(good(6));
        Path shard = data.resolve("train/part-00000.arrow");
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        for (String message : List.of(openError(data, standard()), inspectError(data))) {
            assertTrue(message.contains(shard.toString()), message);
            assertTrue(message.contains("truncated or corrupt"), message);
        }
    }

    @Test
    void truncatedStreamFileEndingInsideABatch() throws IOException {
        Path data = dataset(good(6));
        Path shard = data.resolve("train/part-00000.arrow");
        // Rewrite as stream format by cutting off the file magic: the body then ends early.
        byte[] bytes = Files.readAllBytes(shard);
        Path stream = tmp.resolve("cut.arrows");
        Files.write(stream, java.util.Arrays.copyOfRange(bytes, 8, bytes.length * 2 / 3));
        String message = assertThrows(DataException.class, () -> DatasetInspector.inspect(stream)).getMessage();
        assertTrue(message.contains(stream.toString()), message);
    }

    @Test
    void emptyFile() throws IOException {
        Path data = dataset(good(2));
        Path shard = data.resolve("train/part-00000.arrow");
        Files.write(shard, new byte[0]);
        String expected = shard + ": the file is empty; it is not an Arrow IPC file (re-export the shard)";
        assertTrue(openError(data, standard()).contains(expected));
        assertTrue(inspectError(data).contains(expected));
    }

    @Test
    void wrongType() throws IOException {
        Path data = dataset(good(3));
        assertEquals(data.resolve("train/part-00000.arrow") + ": column 'category' is int32, expected utf8 (recipe key"
                + " data.modalities.text.column); point the recipe at a column of that type or convert the data",
                openError(data, context(tmp, "category", "image_feats", 64)));
        // a title that is not text, for inspect
        Path file = tmp.resolve("int-title.arrow");
        Schema schema = new Schema(List.of(Field.notNullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable("title", new ArrowType.Int(32, true))));
        try (BufferAllocator a = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, a);
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            ((VarCharVector) root.getVector("id")).setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
            ((IntVector) root.getVector("title")).setSafe(0, 3);
            root.setRowCount(1);
            w.start();
            w.writeBatch();
            w.end();
        }
        assertTrue(inspectError(file).contains(file + ": column 'title' is int32, expected utf8"));
    }

    @Test
    void missingColumn() throws IOException {
        Path data = dataset(good(3));
        String message = openError(data, context(tmp, "title", "image_feat", 64));
        assertTrue(message.startsWith(data.resolve("train/part-00000.arrow") + ": column 'image_feat' not found"
                + " (recipe key data.modalities.image.column); the file has columns [id, category,"), message);
    }

    @Test
    void wrongDim() throws IOException {
        Path data = dataset(good(3));
        assertEquals(data.resolve("train/part-00000.arrow") + ": column 'image_feats' has vectors of size 64 but the"
                + " recipe says 65 (recipe key data.modalities.image.dim); set it to 64 or re-export the features",
                openError(data, context(tmp, "title", "image_feats", 65)));
        Files.writeString(data.resolve("manifest.json"), Files.readString(data.resolve("manifest.json"))
                .replace("\"dim\": 64", "\"dim\": 65"));
        assertTrue(inspectError(data).contains("column 'image_feats' has vectors of size 64 but the manifest declares"
                + " 65"));
    }

    @Test
    void nanFeature() throws IOException {
        List<SyntheticRow> rows = good(5);
        rows.get(3).imageFeats()[0][17] = Float.NaN;
        Path data = dataset(rows);
        String shard = data.resolve("train/part-00000.arrow").toString();
        assertEquals(shard + ": row 3, row id 'p3': image_feats: NaN or infinite value at region 0, dim 17; clean the"
                + " features or drop the modality for this row. Fix the data, or set data.source.on_bad_row: skip to"
                + " skip such rows", openError(data, standard()));
        assertTrue(inspectError(data).contains(shard + ": row 3, row id 'p3': column 'image_feats' has a NaN or"
                + " infinite value at row 0, dim 17"));
    }

    @Test
    void infiniteFeature() throws IOException {
        List<SyntheticRow> rows = good(5);
        rows.get(1).videoFeats()[1][2] = Float.POSITIVE_INFINITY;
        Path data = dataset(rows);
        assertTrue(openError(data, standard()).contains("row id 'p1': video_feats: NaN or infinite value at row 1,"
                + " dim 2"));
    }

    @Test
    void nanBoxCoordinate() throws IOException {
        List<SyntheticRow> rows = good(5);
        rows.get(2).imageBoxes()[1][3] = Float.NaN;
        Path data = dataset(rows);
        String shard = data.resolve("train/part-00000.arrow").toString();
        assertEquals(shard + ": row 2, row id 'p2': image_boxes: NaN or infinite box coordinate. Fix the data, or set"
                + " data.source.on_bad_row: skip to skip such rows", openError(data, standard()));
    }

    @Test
    void duplicateIds() throws IOException {
        List<SyntheticRow> rows = good(5);
        rows.set(4, row("p1", 2, 0));
        Path data = dataset(rows);
        String shard = data.resolve("train/part-00000.arrow").toString();
        assertEquals(shard + ": row 4, row id 'p1': column 'id' duplicates the id of " + shard + " row 1; ids must"
                + " be unique (recipe key data.source.id_column). Fix the data, or set data.source.on_bad_row: skip"
                + " to skip such rows", openError(data, standard()));
        assertTrue(inspectError(data).contains("row id 'p1': column 'id' repeats the id of " + shard + ": row 1"));
    }

    @Test
    void nullId() throws IOException {
        List<SyntheticRow> rows = good(3);
        rows.set(2, row(null, 1, 0));
        Path data = dataset(rows);
        assertTrue(openError(data, standard()).contains("row 2: column 'id' is null; every row needs an id (recipe key"
                + " data.source.id_column)"));
        assertTrue(inspectError(data).contains("row 2: column 'id' is null"));
    }

    @Test
    void listLongerThanTheRecipeAllows() throws IOException {
        List<SyntheticRow> rows = good(3);
        rows.set(1, row("p1", 11, 0));
        Path data = dataset(rows);
        assertTrue(openError(data, standard()).endsWith(": row 1, row id 'p1': image_feats: 11 regions, the recipe"
                + " allows 10 (data.modalities.image.max_len). Fix the data, or set data.source.on_bad_row: skip to"
                + " skip such rows"));
    }

    @Test
    void skipModeCountsAndDropsBadRows() throws IOException {
        List<SyntheticRow> rows = good(8);
        rows.get(2).imageFeats()[0][0] = Float.NaN;
        rows.set(5, row("p0", 1, 0));
        rows.set(6, row("p6", 12, 0));
        Path data = dataset(rows);
        SourceOptions skip = new SourceOptions("id", "category", "product_group", true, "data.source");
        try (Dataset ds = ArrowDataset.open(DatasetLayout.resolve(data, "k"), skip, standard())) {
            assertEquals(5, ds.size("train"));
            assertEquals(3, ds.skipped("train"));
        }
    }

    @Test
    void notAnArrowFileAtAll() throws IOException {
        Path file = tmp.resolve("notes.arrow");
        Files.writeString(file, "this is a text file, not Arrow");
        String message = inspectError(file);
        assertTrue(message.contains(file + ": not a readable Arrow IPC file"), message);
    }

    @Test
    void missingDataset() {
        String message = assertThrows(DataException.class,
                () -> DatasetLayout.resolve(tmp.resolve("nope"), "data.source.path")).getMessage();
        assertEquals(tmp.resolve("nope") + ": dataset not found (data.source.path)", message);
    }
}
