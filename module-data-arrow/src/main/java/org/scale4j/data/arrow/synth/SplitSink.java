package org.scale4j.data.arrow.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** The rows of one split on their way into shard files {@code <split>/part-NNNNN.arrow}. */
final class SplitSink implements AutoCloseable {

    private final Path root;
    private final String split;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final int rowsPerShard;
    private final int rowsPerBatch;
    private final List<SyntheticRow> pending = new ArrayList<>();
    private final List<String> shards = new ArrayList<>();
    private ShardWriter writer;
    private int rowsInShard;
    private long rows;

    SplitSink(Path root, String split, Schema schema, BufferAllocator allocator, int rowsPerShard, int rowsPerBatch) {
        this.root = root;
        this.split = split;
        this.schema = schema;
        this.allocator = allocator;
        this.rowsPerShard = rowsPerShard;
        this.rowsPerBatch = rowsPerBatch;
    }

    void add(SyntheticRow row) throws IOException {
        pending.add(row);
        rows++;
        if (pending.size() >= rowsPerBatch || rowsInShard + pending.size() >= rowsPerShard) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        if (writer == null) {
            String name = split + "/part-" + String.format("%05d", shards.size()) + ".arrow";
            Files.createDirectories(root.resolve(split));
            writer = new ShardWriter(root.resolve(name), schema, allocator);
            shards.add(name);
        }
        writer.write(pending);
        rowsInShard += pending.size();
        pending.clear();
        if (rowsInShard >= rowsPerShard) {
            writer.close();
            writer = null;
            rowsInShard = 0;
        }
    }

    /** The shard files written, relative to the dataset root. */
    List<String> shards() {
        return shards;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        flush();
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
