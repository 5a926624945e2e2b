package org.scale4j.data.arrow.dataset;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.DataException;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.api.modality.ColumnRequirement;
import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.RowView;
import org.scale4j.data.arrow.ipc.MappedArrowFile;

/**
 * A dataset of memory-mapped Arrow IPC shards, validated when opened.
 *
 * <p>Opening maps every shard, builds each modality's collator (token kinds scan the training
 * split for their vocabulary), checks every shard's schema against the columns the collators
 * need, then checks every row: the id is present and unique, and each present modality passes
 * its collator's {@link ModalityCollator#validate}. A bad row fails the open, or is skipped and
 * counted when {@link SourceOptions#skipBadRows()} is set. The rows that pass are the split.
 */
public final class ArrowDataset implements Dataset {

    private static final System.Logger LOG = System.getLogger(ArrowDataset.class.getName());
    private static final int MAX_LOGGED_SKIPS = 5;

    private final DatasetLayout layout;
    private final SourceOptions options;
    private final BufferAllocator allocator;
    private final List<MappedArrowFile> files;
    private final List<RecordBatchRef> batches;
    private final SortedMap<String, ModalityCollator> collators;
    private final Map<String, long[]> splitRows;
    private final Map<String, Long> skipped;
    private final boolean hasCategory;
    private final boolean hasGroup;
    private final String fingerprint;
    private final java.util.Set<ArrowBatchStream> openStreams = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ArrowDataset(Builder b) {
        this.layout = b.layout;
        this.options = b.options;
        this.allocator = b.allocator;
        this.files = List.copyOf(b.files);
        this.batches = List.copyOf(b.batches);
        this.collators = Collections.unmodifiableSortedMap(b.collators);
        this.splitRows = Map.copyOf(b.splitRows);
        this.skipped = Map.copyOf(b.skipped);
        this.hasCategory = b.hasCategory;
        this.hasGroup = b.hasGroup;
        this.fingerprint = b.fingerprint;
    }

    /**
     * Opens and validates a dataset.
     *
     * @throws DataException naming the file, column, row id and recipe key of the first problem
     */
    public static ArrowDataset open(DatasetLayout layout, SourceOptions options, DataContext context) {
        Builder b = new Builder(layout, options);
        try {
            b.mapFiles();
            b.buildCollators(context);
            b.checkSchemas();
            b.validateRows();
            b.fingerprint = fingerprint(layout);
            return new ArrowDataset(b);
        } catch (RuntimeException e) {
            b.closeQuietly(e);
            throw e;
        }
    }

    @Override
    public List<ModalitySpec> modalities() {
        return collators.values().stream().map(ModalityCollator::spec).toList();
    }

    @Override
    public List<String> splits() {
        return List.copyOf(layout.splits().keySet());
    }

    @Override
    public long size(String split) {
        return rows(split).length;
    }

    @Override
    public long skipped(String split) {
        rows(split);
        return skipped.getOrDefault(split, 0L);
    }

    @Override
    public BatchStream stream(String split, BatchOptions batchOptions, DataPosition from) {
        if (closed) {
            throw new IllegalStateException("the dataset at " + layout.root() + " is closed");
        }
        ArrowBatchStream stream = new ArrowBatchStream(this, rows(split), batchOptions, from);
        openStreams.add(stream);
        return stream;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** The collators by modality name, sorted. */
    public SortedMap<String, ModalityCollator> collators() {
        return collators;
    }

    /** The options the dataset was opened with. */
    public SourceOptions options() {
        return options;
    }

    boolean hasCategory() {
        return hasCategory;
    }

    boolean hasGroup() {
        return hasGroup;
    }

    /** The row a packed reference ({@code batch << 32 | row}) points to. */
    ArrowRow row(long ref) {
        return new ArrowRow(batches.get((int) (ref >>> 32)), (int) ref, options.idColumn());
    }

    private long[] rows(String split) {
        long[] rows = splitRows.get(split);
        if (rows == null) {
            throw new DataException("the dataset at " + layout.root() + " has no split '" + split + "'; it has "
                    + splits());
        }
        return rows;
    }

    /** Called by a stream when it closes. */
    void streamClosed(ArrowBatchStream stream) {
        openStreams.remove(stream);
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Closes every open stream first (their loader threads read the mappings), then the collators,
     * the shards (unmapping them) and the allocator.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ArrowBatchStream stream : List.copyOf(openStreams)) {
            stream.close();
        }
        for (ModalityCollator c : collators.values()) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "closing the collator of " + c.spec().name() + " failed", e);
                }
            }
        }
        files.forEach(MappedArrowFile::close);
        allocator.close();
    }

    private static String fingerprint(DatasetLayout layout) {
        // SHA-256 over each file's name, size and bytes: all bytes of files up to 64 MiB; for larger
        // shards 32 evenly spaced 1 MiB windows (first and last included), so opening a big dataset
        // does not read it all again. Any rewrite of a shard changes its size or a window in practice.
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> all = new ArrayList<>();
            if (layout.manifest() != null) {
                all.add(layout.manifest());
            }
            layout.splits().values().forEach(all::addAll);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 20);
            for (Path p : all) {
                Path rel = layout.root().toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
                digest.update(rel.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p)) {
                    long size = ch.size();
                    digest.update(java.nio.ByteBuffer.allocate(8).putLong(0, size));
                    long windows = size <= (64L << 20) ? (size + buffer.capacity() - 1) / buffer.capacity() : 32;
                    for (long w = 0; w < windows; w++) {
                        long at = size <= (64L << 20) ? w * buffer.capacity()
                                : (size - buffer.capacity()) * w / (windows - 1);
                        buffer.clear();
                        while (buffer.hasRemaining() && ch.read(buffer, at + buffer.position()) > 0) {
                            // read the window fully
                        }
                        buffer.flip();
                        digest.update(buffer);
                    }
                }
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DataException(layout.root() + ": cannot read the dataset to fingerprint it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open-time state, closed on failure. */
    private static final class Builder {
        final DatasetLayout layout;
        final SourceOptions options;
        final BufferAllocator allocator = new RootAllocator();
        final List<MappedArrowFile> files = new ArrayList<>();
        final List<RecordBatchRef> batches = new ArrayList<>();
        final Map<String, List<Integer>> splitBatches = new LinkedHashMap<>();
        final SortedMap<String, ModalityCollator> collators = new TreeMap<>();
        final Map<String, long[]> splitRows = new LinkedHashMap<>();
        final Map<String, Long> skipped = new LinkedHashMap<>();
        final Map<MappedArrowFile, String> names = new LinkedHashMap<>();
        final Map<String, List<Integer>> splitFiles = new LinkedHashMap<>();
        final List<Integer> fileFirstBatch = new ArrayList<>();
        boolean hasCategory = true;
        boolean hasGroup = true;
        String fingerprint;

        Builder(DatasetLayout layout, SourceOptions options) {
            this.layout = layout;
            this.options = options;
        }

        void mapFiles() {
            for (Map.Entry<String, List<Path>> split : layout.splits().entrySet()) {
                List<Integer> ids = new ArrayList<>();
                List<Integer> fileIds = new ArrayList<>();
                for (Path path : split.getValue()) {
                    MappedArrowFile file = MappedArrowFile.open(path, allocator);
                    fileIds.add(files.size());
                    fileFirstBatch.add(batches.size());
                    files.add(file);
                    String name = layout.display(path);
                    names.put(file, name);
                    SchemaCheck.requireId(name, file.schema(), options);
                    hasCategory &= SchemaCheck.optionalInt(name, file.schema(), options.categoryColumn(),
                            options.recipeKey() + ".category_column");
                    hasGroup &= SchemaCheck.optionalInt(name, file.schema(), options.productGroupColumn(),
                            options.recipeKey() + ".product_group_column");
                    long first = 0;
                    for (int k = 0; k < file.batches().size(); k++) {
                        VectorSchemaRoot root = file.batches().get(k);
                        ids.add(batches.size());
                        batches.add(new RecordBatchRef(name, root, first, file, k));
                        first += root.getRowCount();
                    }
                }
                splitBatches.put(split.getKey(), ids);
                splitFiles.put(split.getKey(), fileIds);
            }
        }

        void buildCollators(DataContext context) {
            String scanSplit = splitBatches.containsKey("train") ? "train" : splitBatches.keySet().iterator().next();
            ModalityContext.RowScan scan = visitor -> forEachRow(splitFiles.get(scanSplit), visitor);
            for (Map.Entry<String, DataContext.CollatorFactory> e : new TreeMap<>(context.collators()).entrySet()) {
                try {
                    collators.put(e.getKey(), e.getValue().create(layout.root(), scan));
                } catch (ColumnTypeException wrongType) {
                    // a kind that scans its column (a vocabulary) met a type it cannot read
                    throw new DataException(wrongType.getMessage() + " (recipe key data.modalities." + e.getKey()
                            + ".column); point the recipe at a column of that type or convert the data", wrongType);
                }
            }
        }

        void checkSchemas() {
            for (MappedArrowFile file : files) {
                for (ModalityCollator collator : collators.values()) {
                    for (ColumnRequirement req : collator.columns()) {
                        SchemaCheck.require(names.get(file), file.schema(), req);
                    }
                }
            }
        }

        void validateRows() {
            long allRows = 0;
            for (RecordBatchRef batch : batches) {
                allRows += batch.root().getRowCount();
            }
            IdIndex seenIds = new IdIndex(allRows,
                    ref -> new ArrowRow(batches.get((int) (ref >>> 32)), (int) ref, options.idColumn()).id());
            List<Map.Entry<ModalityCollator, String>> mainColumns = new ArrayList<>(); // in modality order
            for (ModalityCollator collator : collators.values()) {
                mainColumns.add(Map.entry(collator, collator.columns().get(0).column()));
            }
            for (Map.Entry<String, List<Integer>> split : splitBatches.entrySet()) {
                long total = 0;
                for (int id : split.getValue()) {
                    total += batches.get(id).root().getRowCount();
                }
                long[] good = new long[(int) total];
                int n = 0;
                long bad = 0;
                for (int fileId : splitFiles.get(split.getKey())) {
                    // Validation reads every feature value. It reads through a second, short-lived
                    // mapping of the file, unmapped right after, so those pages never stay resident
                    // in this process: peak RSS does not grow with the dataset.
                    MappedArrowFile file = files.get(fileId);
                    try (MappedArrowFile scratch = MappedArrowFile.open(file.path(), allocator)) {
                        String name = names.get(file);
                        long first = 0;
                        for (int k = 0; k < scratch.batches().size(); k++) {
                            VectorSchemaRoot root = scratch.batches().get(k);
                            RecordBatchRef ref = new RecordBatchRef(name, root, first, scratch, k);
                            first += root.getRowCount();
                            int batchId = fileFirstBatch.get(fileId) + k;
                            for (int r = 0; r < root.getRowCount(); r++) {
                                ArrowRow row = new ArrowRow(ref, r, options.idColumn());
                                long rowRef = ((long) batchId << 32) | r;
                                String problem = problem(row, rowRef, seenIds, mainColumns);
                                if (problem == null) {
                                    good[n++] = rowRef;
                                } else if (options.skipBadRows()) {
                                    if (bad++ < MAX_LOGGED_SKIPS) {
                                        LOG.log(Level.WARNING, "skipping bad row: " + problem);
                                    }
                                } else {
                                    throw new DataException(problem + ". Fix the data, or set " + options.recipeKey()
                                            + ".on_bad_row: skip to skip such rows");
                                }
                            }
                        }
                    }
                }
                if (bad > 0) {
                    LOG.log(Level.WARNING, "split " + split.getKey() + ": skipped " + bad + " of " + total
                            + " rows that failed validation (" + options.recipeKey() + ".on_bad_row: skip)");
                }
                splitRows.put(split.getKey(), java.util.Arrays.copyOf(good, n));
                skipped.put(split.getKey(), bad);
            }
        }

        /**
         * What is wrong with {@code row}, or {@code null}. Allocates nothing per row beyond the id
         * and what the collators' checks read: validation visits every row of the dataset.
         */
        private String problem(ArrowRow row, long ref, IdIndex seenIds,
                List<Map.Entry<ModalityCollator, String>> mainColumns) {
            String id = row.id();
            if (id == null) {
                return row.file() + ": row " + row.rowInFile() + ": column '" + options.idColumn() + "' is null; every"
                        + " row needs an id (recipe key " + options.recipeKey() + ".id_column)";
            }
            long previous = seenIds.add(id, ref);
            if (previous >= 0) {
                RecordBatchRef earlier = batches.get((int) (previous >>> 32));
                return row.file() + ": row " + row.rowInFile() + ", row id '" + id + "': column '" + options.idColumn()
                        + "' duplicates the id of " + earlier.fileName() + " row " + (earlier.firstRow() + (int) previous)
                        + "; ids must be unique (recipe key " + options.recipeKey() + ".id_column)";
            }
            for (Map.Entry<ModalityCollator, String> e : mainColumns) {
                String main = e.getValue();
                if (row.isNull(main)) {
                    continue;
                }
                String p;
                try {
                    p = e.getKey().validate(row);
                } catch (DataException ex) {
                    p = ex.getMessage();
                } catch (RuntimeException ex) {
                    p = main + ": unreadable value (" + ex + ")";
                }
                if (p != null) {
                    return row.file() + ": row " + row.rowInFile() + ", row id '" + id + "': " + p;
                }
            }
            return null;
        }

        /** Visits the rows of some files through short-lived mappings (see {@link #validateRows}). */
        private void forEachRow(List<Integer> fileIds, Consumer<RowView> visitor) {
            for (int fileId : fileIds) {
                MappedArrowFile file = files.get(fileId);
                try (MappedArrowFile scratch = MappedArrowFile.open(file.path(), allocator)) {
                    long first = 0;
                    for (int k = 0; k < scratch.batches().size(); k++) {
                        VectorSchemaRoot root = scratch.batches().get(k);
                        RecordBatchRef ref = new RecordBatchRef(names.get(file), root, first, scratch, k);
                        first += root.getRowCount();
                        for (int r = 0; r < root.getRowCount(); r++) {
                            visitor.accept(new ArrowRow(ref, r, options.idColumn()));
                        }
                    }
                }
            }
        }

        /**
         * Releases what a failed open holds, the files before the allocator. Every error path of
         * {@link MappedArrowFile#open} releases its own buffers, so nothing should fail here; if
         * something does (the allocator's "Memory was leaked" report), it is attached to
         * {@code original} as suppressed: the user must see the DataException that names the file,
         * and ArrowFuzzTest fails on any suppressed report.
         */
        void closeQuietly(RuntimeException original) {
            for (ModalityCollator c : collators.values()) {
                if (c instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception ignored) {
                        // already failing; the original error is the one to report
                    }
                }
            }
            for (MappedArrowFile file : files) {
                try {
                    file.close();
                } catch (RuntimeException e) {
                    original.addSuppressed(e);
                }
            }
            try {
                allocator.close();
            } catch (RuntimeException e) {
                original.addSuppressed(e);
            }
        }
    }
}
