package org.scale4j.data.importer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.api.data.DataException;

/**
 * Collects one chunk's output: a {@link ShardWriter} per split (opened on its first row), the
 * chunk's problems ({@code _import/chunks/<unit>.problems.tsv}) and row ids
 * ({@code <unit>.ids}, used to resume), and the counts that go into its {@link ChunkRecord}.
 * Nothing becomes visible under a final name before {@link #finish}.
 */
public final class ChunkSink {

    private final String unit;
    private final int source;
    private final int chunk;
    private final long start;
    private final long firstLine;
    private final Path output;
    private final Path chunkDir;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final int batchRows;
    private final boolean half;
    private final boolean strict;
    private final Map<String, ShardWriter> writers = new LinkedHashMap<>();
    private final Map<String, Long> present = new TreeMap<>();
    private final Map<String, Long> problems = new TreeMap<>();
    private final BufferedWriter problemsOut;
    private final BufferedWriter idsOut;
    private long unassigned;

    ChunkSink(String unit, int source, int chunk, long start, long firstLine, Path output, Path chunkDir,
            Schema schema, BufferAllocator allocator, int batchRows, boolean half, boolean strict) {
        this.unit = unit;
        this.source = source;
        this.chunk = chunk;
        this.start = start;
        this.firstLine = firstLine;
        this.output = output;
        this.chunkDir = chunkDir;
        this.schema = schema;
        this.allocator = allocator;
        this.batchRows = batchRows;
        this.half = half;
        this.strict = strict;
        try {
            Files.createDirectories(chunkDir);
            this.problemsOut = Files.newBufferedWriter(temp(problemsFile(chunkDir, unit)), StandardCharsets.UTF_8);
            this.idsOut = Files.newBufferedWriter(temp(idsFile(chunkDir, unit)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + chunkDir, e);
        }
    }

    static Path problemsFile(Path chunkDir, String unit) {
        return chunkDir.resolve(unit + ".problems.tsv");
    }

    static Path idsFile(Path chunkDir, String unit) {
        return chunkDir.resolve(unit + ".ids");
    }

    private static Path temp(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Records a problem; under {@code strict} it aborts the import instead. */
    public void problem(Problem p) {
        if (strict) {
            throw new DataException(p.describe() + " (the import stops at the first problem because of --strict;"
                    + " fix the item, or run without --strict to skip and report such items)");
        }
        problems.merge(p.kind(), 1L, Long::sum);
        try {
            problemsOut.write(p.kind() + '\t' + clean(p.productId()) + '\t' + clean(p.file()) + '\t' + p.line() + '\t'
                    + clean(p.detail()) + '\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** Adds {@code row} to each of {@code splits}; an empty list counts it as unassigned. */
    public void add(ProductRow row, List<String> splits) {
        if (splits.isEmpty()) {
            unassigned++;
            return;
        }
        for (String split : splits) {
            writers.computeIfAbsent(split, s -> new ShardWriter(output.resolve(s).resolve(unit + ".arrow"), schema,
                    allocator, batchRows, half)).add(row);
        }
        count(CanonicalSchema.TITLE, row.title() != null);
        count(CanonicalSchema.TABLE, row.table() != null);
        count(CanonicalSchema.CATEGORY, row.category() != null);
        count(CanonicalSchema.CATEGORY_NAME, row.categoryName() != null);
        count(CanonicalSchema.PRODUCT_GROUP, row.productGroup() != null);
        count(CanonicalSchema.IMAGE_FEATS, row.imageFeatures() != null);
        count(CanonicalSchema.VIDEO_FEATS, row.video() != null);
        count(CanonicalSchema.AUDIO_FEATS, row.audio() != null);
        count("rows", true);
        try {
            idsOut.write(row.id());
            idsOut.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count(String column, boolean isPresent) {
        if (isPresent) {
            present.merge(column, 1L, Long::sum);
        }
    }

    /** Finishes every shard and sidecar and returns the chunk's journal record. */
    public ChunkRecord finish(long end, long items) {
        List<ChunkRecord.ShardInfo> shards = new ArrayList<>();
        for (Map.Entry<String, ShardWriter> e : writers.entrySet()) {
            ShardWriter.Finished f = e.getValue().finish();
            shards.add(new ChunkRecord.ShardInfo(e.getKey(), e.getKey() + "/" + unit + ".arrow", f.rows(), f.sha256(),
                    f.bytes()));
        }
        writers.clear();
        try {
            problemsOut.close();
            idsOut.close();
            for (Path file : List.of(problemsFile(chunkDir, unit), idsFile(chunkDir, unit))) {
                AtomicFiles.sync(temp(file));
                Files.move(temp(file), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.syncDirectory(chunkDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the sidecars of " + unit, e);
        }
        return new ChunkRecord(unit, source, chunk, start, end, firstLine, items, shards, present, problems,
                unassigned);
    }

    /** Discards everything written for this chunk. */
    public void abort() {
        writers.values().forEach(ShardWriter::abort);
        writers.clear();
        try {
            problemsOut.close();
            idsOut.close();
            Files.deleteIfExists(temp(problemsFile(chunkDir, unit)));
            Files.deleteIfExists(temp(idsFile(chunkDir, unit)));
        } catch (IOException e) {
            // temp files are overwritten when the chunk is redone
        }
    }
}
