package org.scale4j.data.arrow.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.api.data.DataException;
import org.scale4j.api.modality.ColumnType;
import org.scale4j.data.arrow.dataset.ArrowRow;
import org.scale4j.data.arrow.dataset.ColumnTypes;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.RecordBatchRef;
import org.scale4j.data.arrow.ipc.MappedArrowFile;

/**
 * {@code scale4j inspect DATASET}: reads every shard of a dataset without a recipe, checks the
 * canonical layout, and summarizes it.
 *
 * <p>Checks: every shard is a readable, uncompressed Arrow IPC file with the same schema; the
 * {@code id} column is utf8, never null, never repeated; canonical columns present have their
 * canonical types ({@code category}/{@code product_group} integers, {@code title} utf8,
 * {@code table} key/value lists, {@code *_feats} feature rows, {@code image_boxes} 5-wide), with
 * the dims the manifest declares; feature values are finite. All problems (up to 20) are reported
 * together in one {@link DataException}.
 */
public final class DatasetInspector {

    private static final int MAX_PROBLEMS = 20;
    private static final int BUCKETS = 8;

    private DatasetInspector() {
    }

    /**
     * Inspects the dataset at {@code path} (a directory or one IPC file).
     *
     * @throws DataException when the dataset is broken; the message lists each problem with its
     *     file, column and row id
     */
    public static InspectReport inspect(Path path) {
        DatasetLayout layout = DatasetLayout.resolve(path, "the DATASET argument");
        List<String> problems = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<MappedArrowFile> files = new ArrayList<>();
            try {
                return inspect(path, layout, allocator, files, problems);
            } finally {
                files.forEach(MappedArrowFile::close);
            }
        }
    }

    private static InspectReport inspect(Path path, DatasetLayout layout, BufferAllocator allocator,
            List<MappedArrowFile> files, List<String> problems) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> shards = new LinkedHashMap<>();
        Schema schema = null;
        String schemaFile = null;
        List<RecordBatchRef> batches = new ArrayList<>();
        for (Map.Entry<String, List<Path>> split : layout.splits().entrySet()) {
            long n = 0;
            for (Path p : split.getValue()) {
                MappedArrowFile file;
                try {
                    file = MappedArrowFile.open(p, allocator);
                } catch (DataException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                files.add(file);
                String name = layout.display(p);
                if (schema == null) {
                    schema = file.schema();
                    schemaFile = name;
                } else if (!sameFields(schema, file.schema())) {
                    problems.add(name + ": schema differs from " + schemaFile + ": " + describe(file.schema())
                            + " vs " + describe(schema) + "; all shards must share one schema");
                    continue;
                }
                long first = 0;
                for (int k = 0; k < file.batches().size(); k++) {
                    VectorSchemaRoot root = file.batches().get(k);
                    batches.add(new RecordBatchRef(name, root, first, file, k));
                    first += root.getRowCount();
                }
                n += file.rowCount();
            }
            rows.put(split.getKey(), n);
            shards.put(split.getKey(), split.getValue().size());
        }
        if (schema == null) {
            throw broken(path, problems);
        }
        checkColumns(schema, schemaFile, layout, problems);
        if (!problems.isEmpty()) {
            throw broken(path, problems);
        }
        List<String> modalityColumns = new ArrayList<>();
        for (String c : List.of("title", "table", "image_feats", "video_feats", "audio_feats")) {
            if (SchemaLookup.find(schema, c) != null) {
                modalityColumns.add(c);
            }
        }
        Map<String, Long> present = new LinkedHashMap<>();
        modalityColumns.forEach(c -> present.put(c, 0L));
        long[] modalityCounts = new long[modalityColumns.size() + 1];
        Map<String, List<Long>> lengths = new TreeMap<>();
        Map<String, Long> categories = new HashMap<>();
        Map<Long, String> categoryNames = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        boolean hasCategory = SchemaLookup.find(schema, "category") != null;
        boolean hasCategoryName = SchemaLookup.find(schema, "category_name") != null;
        List<String> floatColumns = new ArrayList<>();
        List<String> listColumns = new ArrayList<>();
        for (Field f : schema.getFields()) {
            if (ColumnTypes.matches(f, ColumnType.FLOAT_ROWS)) {
                floatColumns.add(f.getName());
            }
            if (ColumnTypes.matches(f, ColumnType.FLOAT_ROWS) || ColumnTypes.matches(f, ColumnType.KEY_VALUE_LIST)
                    || ColumnTypes.matches(f, ColumnType.INT_LIST)) {
                listColumns.add(f.getName());
            }
        }
        for (RecordBatchRef batch : batches) {
            for (int r = 0; r < batch.root().getRowCount() && problems.size() < MAX_PROBLEMS; r++) {
                ArrowRow row = new ArrowRow(batch, r, "id");
                String where = batch.fileName() + ": row " + row.rowInFile();
                String id = row.id();
                if (id == null) {
                    problems.add(where + ": column 'id' is null; every row needs a unique id");
                    continue;
                }
                String previous = ids.putIfAbsent(id, where);
                if (previous != null) {
                    problems.add(where + ", row id '" + id + "': column 'id' repeats the id of " + previous);
                }
                for (String c : floatColumns) {
                    int[] bad = row.firstNonFinite(c);
                    if (bad != null) {
                        problems.add(where + ", row id '" + id + "': column '" + c + "' has a NaN or infinite value"
                                + " at row " + bad[0] + ", dim " + bad[1]);
                    }
                }
                int k = 0;
                for (String c : modalityColumns) {
                    if (!row.isNull(c) && (!listColumns.contains(c) || row.listLength(c) > 0)) {
                        present.merge(c, 1L, Long::sum);
                        k++;
                    }
                }
                modalityCounts[k]++;
                for (String c : listColumns) {
                    if (!row.isNull(c)) {
                        lengths.computeIfAbsent(c, x -> new ArrayList<>()).add((long) row.listLength(c));
                    }
                }
                if (SchemaLookup.find(schema, "title") != null && !row.isNull("title")) {
                    String title = row.string("title").trim();
                    lengths.computeIfAbsent("title (words)", x -> new ArrayList<>())
                            .add(title.isEmpty() ? 0L : (long) title.split("\\s+").length);
                }
                if (hasCategory && !row.isNull("category")) {
                    long cat = (long) row.number("category");
                    categories.merge(String.valueOf(cat), 1L, Long::sum);
                    if (hasCategoryName && !row.isNull("category_name")) {
                        categoryNames.putIfAbsent(cat, row.string("category_name"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw broken(path, problems);
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> coverage = new LinkedHashMap<>();
        present.forEach((c, n) -> coverage.put(c, total == 0 ? 0.0 : (double) n / total));
        Map<String, InspectReport.Histogram> histograms = new LinkedHashMap<>();
        lengths.forEach((c, values) -> histograms.put(c, histogram(values)));
        List<Map.Entry<String, Long>> cats = new ArrayList<>();
        categories.forEach((id, n) -> {
            String name = categoryNames.get(Long.parseLong(id));
            cats.add(Map.entry(name == null ? id : name + " (" + id + ")", n));
        });
        cats.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> schemaLines = schema.getFields().stream()
                .map(f -> f.getName() + ": " + ColumnTypes.describe(f) + (f.isNullable() ? "" : " not null")).toList();
        return new InspectReport(path.toString(), schemaLines, rows, shards, coverage, modalityCounts, histograms,
                cats);
    }

    private static void checkColumns(Schema schema, String file, DatasetLayout layout, List<String> problems) {
        Field id = SchemaLookup.find(schema, "id");
        if (id == null) {
            problems.add(file + ": no 'id' column; the layout needs a utf8 product id (columns: "
                    + schema.getFields().stream().map(Field::getName).toList() + ")");
        } else if (!ColumnTypes.matches(id, ColumnType.UTF8)) {
            problems.add(file + ": column 'id' is " + ColumnTypes.describe(id) + ", expected utf8");
        }
        expect(schema, file, "category", ColumnType.NUMBER, problems);
        expect(schema, file, "product_group", ColumnType.NUMBER, problems);
        expect(schema, file, "title", ColumnType.UTF8, problems);
        expect(schema, file, "table", ColumnType.KEY_VALUE_LIST, problems);
        for (Field f : schema.getFields()) {
            if (f.getName().endsWith("_feats") || f.getName().equals("image_boxes")) {
                expect(schema, file, f.getName(), ColumnType.FLOAT_ROWS, problems);
            }
        }
        Map<String, Integer> dims = new TreeMap<>(layout.dims());
        dims.putIfAbsent("image_boxes", 5);
        dims.forEach((column, dim) -> {
            Field f = SchemaLookup.find(schema, column);
            if (f != null && ColumnTypes.matches(f, ColumnType.FLOAT_ROWS) && ColumnTypes.dim(f) != dim) {
                problems.add(file + ": column '" + column + "' has vectors of size " + ColumnTypes.dim(f)
                        + " but " + (layout.manifest() != null ? "the manifest declares " : "the layout needs ") + dim);
            }
        });
    }

    private static void expect(Schema schema, String file, String column, ColumnType type, List<String> problems) {
        Field f = SchemaLookup.find(schema, column);
        if (f != null && !ColumnTypes.matches(f, type)) {
            problems.add(file + ": column '" + column + "' is " + ColumnTypes.describe(f) + ", expected "
                    + ColumnTypes.expected(type, 0));
        }
    }

    private static InspectReport.Histogram histogram(List<Long> values) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long width = Math.max(1, (max - min + BUCKETS) / BUCKETS);
        int buckets = (int) Math.min(BUCKETS, (max - min) / width + 1);
        long[] lows = new long[buckets];
        long[] counts = new long[buckets];
        for (int i = 0; i < buckets; i++) {
            lows[i] = min + i * width;
        }
        for (long v : values) {
            counts[(int) Math.min(buckets - 1, (v - min) / width)]++;
        }
        return new InspectReport.Histogram(min, max, lows, counts);
    }

    private static boolean sameFields(Schema a, Schema b) {
        return a.getFields().equals(b.getFields());
    }

    private static String describe(Schema s) {
        return s.getFields().stream().map(f -> f.getName() + ": " + ColumnTypes.describe(f)).toList().toString();
    }

    private static DataException broken(Path path, List<String> problems) {
        StringBuilder sb = new StringBuilder(path + ": the dataset is broken (" + problems.size()
                + (problems.size() >= MAX_PROBLEMS ? "+" : "") + " problem" + (problems.size() == 1 ? "" : "s") + "):");
        problems.stream().limit(MAX_PROBLEMS).forEach(p -> sb.append("\n  ").append(p));
        return new DataException(sb.toString());
    }

    /** Field lookup by name. */
    private static final class SchemaLookup {
        static Field find(Schema schema, String name) {
            for (Field f : schema.getFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }
}
