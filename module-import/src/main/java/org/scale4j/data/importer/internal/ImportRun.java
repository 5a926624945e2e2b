package org.scale4j.data.importer.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.api.data.DataException;
import org.scale4j.data.importer.ImportOptions;
import org.scale4j.data.importer.ImportResult;

/**
 * One execution of an M5Product import (see {@link org.scale4j.data.importer.M5ProductImport} for
 * the user's view). The steps:
 * <ol>
 *   <li>index the id-keyed inputs on disk (caption JSON, label files, split lists) in one streaming
 *       pass each;</li>
 *   <li>read the journal of an earlier run; keep the chunks whose shards still match their
 *       checksums;</li>
 *   <li>import the image TSVs in parallel, one task per file, each in chunks of
 *       {@code shardRows} lines written as one shard per split;</li>
 *   <li>import the caption entries no TSV line covered (rows with a null image), in chunks too;</li>
 *   <li>write {@code manifest.json}, {@code import-report.json} and {@code import-problems.tsv}.</li>
 * </ol>
 * Memory is bounded by the in-flight chunks ({@code threads} of them, each holding one Arrow batch
 * per split) plus about 4 bits per caption entry; the indexes live in memory-mapped scratch files.
 */
public final class ImportRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAPTION_UNIT = "noimg";

    private final ImportOptions o;
    private final Path out;
    private final Path work;
    private final Path chunkDir;
    private final Path scratch;
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicInteger shardsWritten = new AtomicInteger();
    private final AtomicInteger shardsReused = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final Map<String, ChunkRecord> finished = new ConcurrentHashMap<>();
    private long bytesTotal;
    private long startNanos;

    public ImportRun(ImportOptions options) {
        this.o = options;
        this.out = options.output().toAbsolutePath().normalize();
        this.work = out.resolve("_import");
        this.chunkDir = work.resolve("chunks");
        this.scratch = work.resolve("scratch");
    }

    /**
     * Runs the import.
     *
     * @throws DataException for bad inputs, a per-item problem under {@code strict}, or an I/O
     *     failure (disk full, permissions); a rerun of the same import resumes where it stopped
     */
    public ImportResult run() {
        try {
            return runChecked();
        } catch (UncheckedIOException e) {
            throw new DataException(e.getMessage() + ": " + e.getCause().getMessage() + "; fix the cause (disk"
                    + " space, permissions) and rerun the same import to resume where it stopped", e);
        }
    }

    private ImportResult runChecked() {
        startNanos = System.nanoTime();
        checkInputs();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new DataException(out + ": cannot create the output directory (" + e.getMessage() + ")", e);
        }
        Tokenization tokenizer = o.tokenizer() == null ? null : Tokenization.load(o.tokenizer());
        TreeSet<String> seenLabels = new TreeSet<>();
        IdIndex.EntryVisitor labelCollector = o.labelList() != null ? null : (id, value) -> {
            String label = value == null ? null : value.isObject() ? textOf(value.get("label"))
                    : textOf(value);
            if (label != null) {
                seenLabels.add(label);
            }
        };
        try (ImportJournal journal = ImportJournal.open(work.resolve("journal.jsonl"), fingerprint());
             Indexes idx = new Indexes();
             BufferAllocator allocator = new RootAllocator()) {
            idx.captions = o.captions() == null ? null
                    : IdIndex.ofJsonObject(o.captions(), scratch, "captions", labelCollector);
            idx.idLabels = o.idLabels() == null ? null
                    : IdIndex.ofJsonObject(o.idLabels(), scratch, "id-labels", labelCollector);
            idx.groups = o.productGroups() == null ? null
                    : IdIndex.ofJsonObject(o.productGroups(), scratch, "product-groups", null);
            Map<String, IdIndex> lists = new LinkedHashMap<>();
            idx.splits = new SplitAssigner(lists, o.defaultSplit()); // closes the lists if a later one fails
            for (Map.Entry<String, Path> e : o.splits().entrySet()) {
                lists.put(e.getKey(), IdIndex.ofIdList(e.getValue(), scratch, "split-" + e.getKey()));
            }
            List<String> categories = o.labelList() != null ? readLabelList(o.labelList())
                    : new ArrayList<>(seenLabels);
            Map<String, Integer> categoryIndex = new LinkedHashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                categoryIndex.putIfAbsent(categories.get(i), i);
            }
            RowAssembler assembler = new RowAssembler(o, idx.captions, idx.idLabels, idx.groups, categoryIndex,
                    tokenizer);
            SeenSet seen = idx.captions == null ? null : new SeenSet(idx.captions.capacity());
            Schema schema = CanonicalSchema.of(tokenizer != null, o.float16(), o.imageDim(), o.videoDim(),
                    o.audioDim());
            Map<String, ChunkRecord> reusable = reusableChunks(journal, idx.captions, seen);
            bytesTotal = inputBytes();
            ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
                Thread t = new Thread(r, "scale4j-import");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> tasks = new ArrayList<>();
                for (int s = 0; s < o.imageTsvs().size(); s++) {
                    int source = s;
                    tasks.add(pool.submit(() -> {
                        try {
                            importTsv(source, journal, reusable, assembler, idx, seen, schema, allocator);
                        } catch (RuntimeException e) {
                            failed.set(true); // the other workers stop at their next line
                            throw e;
                        }
                    }));
                }
                await(tasks);
                if (idx.captions != null && o.includeProductsWithoutImage()) {
                    importCaptionOnly(pool, journal, reusable, assembler, idx, seen, schema, allocator);
                }
            } finally {
                pool.shutdownNow();
            }
            List<ChunkRecord> records = new ArrayList<>(finished.values());
            records.sort(Comparator.comparingInt((ChunkRecord r) -> r.source() < 0 ? Integer.MAX_VALUE : r.source())
                    .thenComparingInt(ChunkRecord::chunk));
            long totalItems = records.stream().mapToLong(ChunkRecord::items).sum();
            ImportReport report = ImportReport.write(out, chunkDir, records);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Long> rowsBySplit = new LinkedHashMap<>();
            records.forEach(r -> r.shards().forEach(s -> rowsBySplit.merge(s.split(), s.rows(), Long::sum)));
            report.finish(totalItems, rowsBySplit, shardsWritten.get(), shardsReused.get(), seconds);
            // the manifest goes last: a directory with a manifest holds a complete import
            Path manifest = ManifestWriter.write(out, records, idx.splits.names(), columns(tokenizer != null),
                    categories, tokenizerInfo(), totalItems);
            o.progress().done(items.get(), elapsed());
            return new ImportResult(out, manifest, report.summary(), report.problems(), totalItems, rowsBySplit,
                    report.problemsByKind(), shardsWritten.get(), shardsReused.get(), seconds);
        } finally {
            if (tokenizer != null) {
                tokenizer.close();
            }
            deleteTree(scratch);
        }
    }

    /** The open indexes, closed together. */
    private static final class Indexes implements AutoCloseable {
        IdIndex captions;
        IdIndex idLabels;
        IdIndex groups;
        SplitAssigner splits;

        @Override
        public void close() {
            for (AutoCloseable c : new AutoCloseable[] {captions, idLabels, groups, splits}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // scratch files; removed with the scratch directory
                    }
                }
            }
        }
    }

    // ---- the image TSVs ------------------------------------------------------------------------

    private void importTsv(int source, ImportJournal journal, Map<String, ChunkRecord> reusable,
            RowAssembler assembler, Indexes idx, SeenSet seen, Schema schema, BufferAllocator allocator) {
        Path tsv = o.imageTsvs().get(source);
        String name = tsv.toString();
        try (NpyReader npy = new NpyReader()) {
            long size = Files.size(tsv);
            long offset = 0;
            long line = 1;
            for (int k = 0; offset < size; k++) {
                String unit = String.format("img%03d-%05d", source, k);
                ChunkRecord record = reusable.get(unit);
                if (record == null) {
                    ChunkSink sink = new ChunkSink(unit, source, k, offset, line, out, chunkDir, schema, allocator,
                            o.batchRows(), o.float16(), o.strict());
                    try (LineReader lines = new LineReader(FileChannel.open(tsv, StandardOpenOption.READ), offset)) {
                        long n = 0;
                        while (n < o.shardRows() && lines.next()) {
                            long lineNo = line + n;
                            n++;
                            if (failed.get()) {
                                throw new Cancelled();
                            }
                            if (lines.length() > 0) {
                                importLine(lines, lineNo, name, assembler, idx, seen, npy, sink);
                            }
                            items.incrementAndGet();
                            report(lines.position() - offset);
                        }
                        record = sink.finish(lines.position(), n);
                    } catch (RuntimeException | IOException e) {
                        sink.abort();
                        throw e;
                    }
                    bytesDone.addAndGet(record.end() - record.start());
                    journal.append(record);
                    shardsWritten.addAndGet(record.shards().size());
                } else {
                    items.addAndGet(record.items());
                    bytesDone.addAndGet(record.end() - record.start());
                    shardsReused.addAndGet(record.shards().size());
                    progress();
                }
                finished.put(unit, record);
                offset = record.end();
                line += record.items();
            }
        } catch (IOException e) {
            throw new DataException(tsv + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void importLine(LineReader lines, long lineNo, String file, RowAssembler assembler, Indexes idx,
            SeenSet seen, NpyReader npy, ChunkSink sink) {
        ImageTsvLine image = ImageTsvLine.parse(lines.bytes(), lines.length(), lineNo, file, o.imageDim());
        if (image.problem() != null) {
            sink.problem(image.problem());
        }
        if (image.id() == null) {
            return;
        }
        if (seen != null) {
            long slot = idx.captions.slot(image.id());
            if (slot >= 0 && !seen.mark(slot)) {
                sink.problem(new Problem(Problem.DUPLICATE_ID, image.id(), file, lineNo, "the product already has"
                        + " a row from an earlier TSV line; this line is skipped"));
                return;
            }
        }
        ProductRow row = assembler.assemble(image.id(), image.problem() == null ? image : null, npy, sink::problem);
        sink.add(row, idx.splits.of(image.id()));
    }

    // ---- products without an image line --------------------------------------------------------

    private void importCaptionOnly(ExecutorService pool, ImportJournal journal, Map<String, ChunkRecord> reusable,
            RowAssembler assembler, Indexes idx, SeenSet seen, Schema schema, BufferAllocator allocator) {
        Semaphore inFlight = new Semaphore(o.threads() * 2);
        List<Future<?>> tasks = new ArrayList<>();
        long base = bytesDone.get();
        try (JsonParser p = JSON.getFactory().createParser(o.captions().toFile())) {
            p.nextToken();
            List<String> ids = new ArrayList<>();
            int k = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME && !failed.get()) {
                String id = p.currentName();
                if (p.nextToken().isStructStart()) {
                    p.skipChildren();
                }
                long slot = idx.captions.slot(id);
                if (slot < 0 || !seen.mark(slot)) {
                    continue;
                }
                ids.add(id);
                if (ids.size() == o.shardRows()) {
                    submitCaptionChunk(pool, tasks, inFlight, k++, ids, journal, reusable, assembler, idx, schema,
                            allocator);
                    ids = new ArrayList<>();
                    bytesDone.set(base + p.currentLocation().getByteOffset());
                    progress();
                }
            }
            if (!ids.isEmpty() && !failed.get()) {
                submitCaptionChunk(pool, tasks, inFlight, k, ids, journal, reusable, assembler, idx, schema, allocator);
            }
        } catch (IOException e) {
            throw new DataException(o.captions() + ": cannot read (" + e.getMessage() + ")", e);
        }
        await(tasks);
        bytesDone.set(bytesTotal);
        progress();
    }

    private void submitCaptionChunk(ExecutorService pool, List<Future<?>> tasks, Semaphore inFlight, int k,
            List<String> ids, ImportJournal journal, Map<String, ChunkRecord> reusable, RowAssembler assembler,
            Indexes idx, Schema schema, BufferAllocator allocator) {
        String unit = String.format("%s-%05d", CAPTION_UNIT, k);
        ChunkRecord old = reusable.get(unit);
        if (old != null) {
            items.addAndGet(old.items());
            shardsReused.addAndGet(old.shards().size());
            finished.put(unit, old);
            return;
        }
        inFlight.acquireUninterruptibly();
        tasks.add(pool.submit(() -> {
            try (NpyReader npy = new NpyReader()) {
                ChunkSink sink = new ChunkSink(unit, -1, k, 0, 0, out, chunkDir, schema, allocator, o.batchRows(),
                        o.float16(), o.strict());
                try {
                    for (String id : ids) {
                        if (failed.get()) {
                            throw new Cancelled();
                        }
                        sink.add(assembler.assemble(id, null, npy, sink::problem), idx.splits.of(id));
                        items.incrementAndGet();
                        progress();
                    }
                    ChunkRecord record = sink.finish(0, ids.size());
                    journal.append(record);
                    shardsWritten.addAndGet(record.shards().size());
                    finished.put(unit, record);
                } catch (RuntimeException e) {
                    failed.set(true);
                    sink.abort();
                    throw e;
                }
            } finally {
                inFlight.release();
            }
        }));
    }

    // ---- resuming ------------------------------------------------------------------------------

    /**
     * The chunks of an earlier run that need not be redone: every shard exists with its recorded
     * checksum and the sidecars exist. Their rows' ids are marked seen.
     */
    private Map<String, ChunkRecord> reusableChunks(ImportJournal journal, IdIndex captions, SeenSet seen) {
        Map<String, ChunkRecord> reusable = new LinkedHashMap<>();
        List<ChunkRecord> candidates = new ArrayList<>();
        for (int s = 0; s < o.imageTsvs().size(); s++) {
            for (int k = 0; ; k++) {
                ChunkRecord r = journal.get(String.format("img%03d-%05d", s, k));
                if (r == null) {
                    break;
                }
                candidates.add(r);
            }
        }
        for (int k = 0; ; k++) {
            ChunkRecord r = journal.get(String.format("%s-%05d", CAPTION_UNIT, k));
            if (r == null) {
                break;
            }
            candidates.add(r);
        }
        for (ChunkRecord r : candidates) {
            if (intact(r)) {
                reusable.put(r.unit(), r);
                if (seen != null && r.source() >= 0) {
                    markIds(r, captions, seen);
                }
            }
        }
        return reusable;
    }

    private boolean intact(ChunkRecord r) {
        if (!Files.isRegularFile(ChunkSink.problemsFile(chunkDir, r.unit()))
                || !Files.isRegularFile(ChunkSink.idsFile(chunkDir, r.unit()))) {
            return false;
        }
        for (ChunkRecord.ShardInfo s : r.shards()) {
            Path file = out.resolve(s.path());
            try {
                if (!Files.isRegularFile(file) || Files.size(file) != s.bytes()
                        || !ImportJournal.sha256(file).equals(s.sha256())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private void markIds(ChunkRecord r, IdIndex captions, SeenSet seen) {
        try (BufferedReader in = Files.newBufferedReader(ChunkSink.idsFile(chunkDir, r.unit()), StandardCharsets.UTF_8)) {
            String id;
            while ((id = in.readLine()) != null) {
                long slot = captions.slot(id);
                if (slot >= 0) {
                    seen.mark(slot);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void await(List<Future<?>> tasks) {
        RuntimeException first = null;
        for (Future<?> f : tasks) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failed.set(true);
                Throwable cause = e.getCause();
                if (!(cause instanceof Cancelled) && (first == null || first instanceof Cancelled)) {
                    first = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                } else if (first == null) {
                    first = (Cancelled) cause;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.set(true);
                throw new DataException("the import was interrupted; rerun the same command to resume");
            }
        }
        if (first != null) {
            o.progress().done(items.get(), elapsed());
            throw first;
        }
    }

    /** Thrown in workers that stop because another one failed. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled because another worker failed", null, false, false);
        }
    }

    private void report(long chunkBytes) {
        o.progress().update(items.get(), bytesDone.get() + chunkBytes, bytesTotal, elapsed());
    }

    private void progress() {
        o.progress().update(items.get(), bytesDone.get(), bytesTotal, elapsed());
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private long inputBytes() {
        long total = 0;
        try {
            for (Path p : o.imageTsvs()) {
                total += Files.size(p);
            }
            if (o.captions() != null && o.includeProductsWithoutImage()) {
                total += Files.size(o.captions());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private void checkInputs() {
        for (Path p : o.imageTsvs()) {
            requireFile(p, "image-feature TSV");
        }
        for (Map.Entry<String, Path> e : o.splits().entrySet()) {
            requireFile(e.getValue(), "id list of split '" + e.getKey() + "'");
        }
        requireFileIfSet(o.captions(), "caption JSON");
        requireFileIfSet(o.idLabels(), "id-to-label JSON");
        requireFileIfSet(o.labelList(), "label list");
        requireFileIfSet(o.productGroups(), "product-group JSON");
        for (Path dir : new Path[] {o.videoDir(), o.audioDir()}) {
            if (dir != null && !Files.isDirectory(dir)) {
                throw new DataException(dir + ": not a directory; give the directory that holds the {id}.npy"
                        + " feature files");
            }
        }
    }

    private static void requireFileIfSet(Path p, String what) {
        if (p != null) {
            requireFile(p, what);
        }
    }

    private static void requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new DataException(p + ": " + what + " not found; check the path");
        }
    }

    private static List<String> readLabelList(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException(file + ": the label list is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (node == null || !node.isArray()) {
            throw new DataException(file + ": the label list must be a JSON array of label strings");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isValueNode() || v.isNull()) {
                throw new DataException(file + ": item " + i + " of the label list is not a label string: " + v);
            }
            labels.add(v.asText());
        }
        return labels;
    }

    private static String textOf(JsonNode v) {
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private Map<String, Object> fingerprint() {
        Map<String, Object> f = new TreeMap<>();
        List<Object> tsvs = new ArrayList<>();
        o.imageTsvs().forEach(p -> tsvs.add(fileStamp(p)));
        f.put("image_tsvs", tsvs);
        f.put("captions", fileStamp(o.captions()));
        f.put("id_labels", fileStamp(o.idLabels()));
        f.put("label_list", fileStamp(o.labelList()));
        f.put("product_groups", fileStamp(o.productGroups()));
        Map<String, Object> splits = new LinkedHashMap<>();
        o.splits().forEach((k, v) -> splits.put(k, fileStamp(v)));
        f.put("splits", splits);
        f.put("default_split", o.defaultSplit());
        f.put("video_dir", o.videoDir() == null ? null : o.videoDir().toAbsolutePath().toString());
        f.put("audio_dir", o.audioDir() == null ? null : o.audioDir().toAbsolutePath().toString());
        f.put("tokenizer", fileStamp(o.tokenizer()));
        f.put("shard_rows", o.shardRows());
        f.put("batch_rows", o.batchRows());
        f.put("float16", o.float16());
        f.put("without_image", o.includeProductsWithoutImage());
        f.put("dims", List.of(o.imageDim(), o.videoDim(), o.audioDim(), o.audioRows()));
        return f;
    }

    private static Object fileStamp(Path p) {
        if (p == null) {
            return null;
        }
        try {
            return Map.of("path", p.toAbsolutePath().normalize().toString(), "size", Files.size(p), "modified",
                    Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
            return Map.of("path", p.toAbsolutePath().normalize().toString());
        }
    }

    private Map<String, Map<String, Object>> columns(boolean tokenized) {
        String dtype = o.float16() ? "float16" : "float32";
        Map<String, Map<String, Object>> c = new LinkedHashMap<>();
        c.put(CanonicalSchema.ID, Map.of("type", "utf8"));
        c.put(CanonicalSchema.CATEGORY, Map.of("type", "int32"));
        c.put(CanonicalSchema.CATEGORY_NAME, Map.of("type", "utf8"));
        c.put(CanonicalSchema.PRODUCT_GROUP, Map.of("type", "int64"));
        c.put(CanonicalSchema.TITLE, Map.of("type", "utf8"));
        if (tokenized) {
            c.put(CanonicalSchema.TITLE_IDS, Map.of("type", "list<int32>"));
        }
        c.put(CanonicalSchema.TABLE, Map.of("type", "list<struct<key: utf8, value: utf8>>"));
        if (tokenized) {
            c.put(CanonicalSchema.TABLE_IDS, Map.of("type", "list<struct<key_ids: list<int32>, value_ids: list<int32>>>"));
        }
        c.put(CanonicalSchema.IMAGE_FEATS, feature(o.imageDim(), dtype, 0));
        c.put(CanonicalSchema.IMAGE_BOXES, feature(5, "float32", 0));
        c.put(CanonicalSchema.VIDEO_FEATS, feature(o.videoDim(), dtype, 0));
        c.put(CanonicalSchema.AUDIO_FEATS, feature(o.audioDim(), dtype, o.audioRows()));
        return c;
    }

    private static Map<String, Object> feature(int dim, String dtype, int rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "list<fixed_size_list<" + dtype + ">[" + dim + "]>");
        m.put("dim", dim);
        m.put("dtype", dtype);
        if (rows > 0) {
            m.put("rows", rows);
        }
        return m;
    }

    private Map<String, String> tokenizerInfo() {
        if (o.tokenizer() == null) {
            return null;
        }
        try {
            return Map.of("file", o.tokenizer().getFileName().toString(), "sha256",
                    ImportJournal.sha256(o.tokenizer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // scratch space; a later run overwrites it
                }
            });
        } catch (IOException e) {
            // scratch space; a later run overwrites it
        }
    }

}
