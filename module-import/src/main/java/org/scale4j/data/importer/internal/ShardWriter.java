package org.scale4j.data.importer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one shard: rows of the canonical layout into an Arrow IPC file, in record batches of at
 * most {@code batchRows} rows so that memory stays bounded by one batch whatever the shard size.
 *
 * <p>The file is written as {@code <name>.tmp}, fsynced, and renamed to its final name by
 * {@link #finish}; its SHA-256 is computed from the bytes as they are written. A shard that is not
 * finished leaves no final file ({@link #abort} deletes the temp file), so a crash never leaves a
 * half-written shard under a final name.
 */
public final class ShardWriter implements AutoCloseable {

    /**
     * A finished shard.
     *
     * @param file the final file
     * @param rows the row count
     * @param sha256 the file's SHA-256, lower-case hex
     * @param bytes the file size
     */
    public record Finished(Path file, long rows, String sha256, long bytes) {
    }

    private final Path target;
    private final Path temp;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final ArrowFileWriter writer;
    private final int batchRows;
    private final boolean half;
    private final boolean tokenized;
    private int batchRow;
    private long rows;
    private long bytes;

    /**
     * Opens {@code target}'s temp file.
     *
     * @param half whether feature columns are float16 (inputs of the other width are converted)
     */
    public ShardWriter(Path target, Schema schema, BufferAllocator parent, int batchRows, boolean half) {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        this.batchRows = batchRows;
        this.half = half;
        this.tokenized = schema.getFields().stream().anyMatch(f -> f.getName().equals(CanonicalSchema.TITLE_IDS));
        try {
            Files.createDirectories(target.getParent());
            this.digest = MessageDigest.getInstance("SHA-256");
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + temp, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.allocator = parent.newChildAllocator(target.getFileName().toString(), 0, Long.MAX_VALUE);
        this.root = VectorSchemaRoot.create(schema, allocator);
        root.allocateNew();
        this.writer = new ArrowFileWriter(root, null, new DigestingChannel());
        try {
            writer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    /** Appends a row; a full batch is written out. */
    public void add(ProductRow row) {
        int i = batchRow;
        ((VarCharVector) root.getVector(CanonicalSchema.ID)).setSafe(i, utf8(row.id()));
        IntVector category = (IntVector) root.getVector(CanonicalSchema.CATEGORY);
        if (row.category() == null) {
            category.setNull(i);
        } else {
            category.setSafe(i, row.category());
        }
        setText((VarCharVector) root.getVector(CanonicalSchema.CATEGORY_NAME), i, row.categoryName());
        BigIntVector group = (BigIntVector) root.getVector(CanonicalSchema.PRODUCT_GROUP);
        if (row.productGroup() == null) {
            group.setNull(i);
        } else {
            group.setSafe(i, row.productGroup());
        }
        setText((VarCharVector) root.getVector(CanonicalSchema.TITLE), i, row.title());
        setTable((ListVector) root.getVector(CanonicalSchema.TABLE), i, row.table());
        if (tokenized) {
            setInts((ListVector) root.getVector(CanonicalSchema.TITLE_IDS), i, row.titleIds());
            setTableIds((ListVector) root.getVector(CanonicalSchema.TABLE_IDS), i, row.tableIds());
        }
        setRows((ListVector) root.getVector(CanonicalSchema.IMAGE_FEATS), i, row.imageFeatures(), half);
        setRows((ListVector) root.getVector(CanonicalSchema.IMAGE_BOXES), i, row.imageBoxes(), false);
        setRows((ListVector) root.getVector(CanonicalSchema.VIDEO_FEATS), i, row.video(), half);
        setRows((ListVector) root.getVector(CanonicalSchema.AUDIO_FEATS), i, row.audio(), half);
        batchRow++;
        rows++;
        if (batchRow == batchRows) {
            flush();
        }
    }

    /** The rows added so far. */
    public long rows() {
        return rows;
    }

    private void flush() {
        if (batchRow == 0) {
            return;
        }
        root.setRowCount(batchRow);
        try {
            writer.writeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        root.clear();
        root.allocateNew();
        batchRow = 0;
    }

    /** Writes the last batch and the footer, fsyncs, and renames the temp file to its final name. */
    public Finished finish() {
        flush();
        try {
            writer.end();
            writer.close();
            channel.force(true);
            channel.close();
            root.close();
            allocator.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + target, e);
        }
        return new Finished(target, rows, HexFormat.of().formatHex(digest.digest()), bytes);
    }

    /** Discards the shard: closes everything and deletes the temp file. */
    public void abort() {
        try {
            writer.close();
        } catch (RuntimeException e) {
            // already failing; the temp file is deleted below
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the temp file is deleted below
        }
        root.close();
        allocator.close();
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a stale .tmp is overwritten by the next attempt
        }
    }

    @Override
    public void close() {
        if (channel.isOpen()) {
            abort();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void setText(VarCharVector v, int i, String s) {
        if (s == null) {
            v.setNull(i);
        } else {
            v.setSafe(i, utf8(s));
        }
    }

    private static void setInts(ListVector list, int i, int[] values) {
        if (values == null) {
            list.setNull(i);
            return;
        }
        int start = list.startNewValue(i);
        IntVector ints = (IntVector) list.getDataVector();
        for (int j = 0; j < values.length; j++) {
            ints.setSafe(start + j, values[j]);
        }
        list.endValue(i, values.length);
    }

    private static void setTable(ListVector list, int i, List<String[]> pairs) {
        if (pairs == null) {
            list.setNull(i);
            return;
        }
        int start = list.startNewValue(i);
        StructVector items = (StructVector) list.getDataVector();
        VarCharVector keys = items.getChild("key", VarCharVector.class);
        VarCharVector values = items.getChild("value", VarCharVector.class);
        for (int j = 0; j < pairs.size(); j++) {
            items.setIndexDefined(start + j);
            keys.setSafe(start + j, utf8(pairs.get(j)[0]));
            values.setSafe(start + j, utf8(pairs.get(j)[1]));
        }
        list.endValue(i, pairs.size());
    }

    private static void setTableIds(ListVector list, int i, List<int[][]> pairs) {
        if (pairs == null) {
            list.setNull(i);
            return;
        }
        int start = list.startNewValue(i);
        StructVector items = (StructVector) list.getDataVector();
        ListVector keys = items.getChild("key_ids", ListVector.class);
        ListVector values = items.getChild("value_ids", ListVector.class);
        for (int j = 0; j < pairs.size(); j++) {
            items.setIndexDefined(start + j);
            setInts(keys, start + j, pairs.get(j)[0]);
            setInts(values, start + j, pairs.get(j)[1]);
        }
        list.endValue(i, pairs.size());
    }

    /** Writes {@code m} as one list of fixed-size rows, converting float16/float32 as needed. */
    private static void setRows(ListVector list, int i, FeatureMatrix m, boolean half) {
        if (m == null) {
            list.setNull(i);
            return;
        }
        int start = list.startNewValue(i);
        FixedSizeListVector rowsVector = (FixedSizeListVector) list.getDataVector();
        for (int r = 0; r < m.rows(); r++) {
            rowsVector.startNewValue(start + r);
        }
        BaseFixedWidthVector leaf = (BaseFixedWidthVector) rowsVector.getDataVector();
        long first = (long) start * m.dim();
        long count = (long) m.rows() * m.dim();
        while (leaf.getValueCapacity() < first + count) {
            leaf.reAlloc();
        }
        ArrowBuf data = leaf.getDataBuffer();
        int width = half ? 2 : 4;
        if (m.half() == half) {
            data.setBytes(first * width, m.data(), 0, m.data().length);
        } else if (half) {
            ByteBuffer in = ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN);
            for (long k = 0; k < count; k++) {
                data.setShort((first + k) * 2, Float16.toFloat16(in.getFloat((int) (k * 4))));
            }
        } else {
            ByteBuffer in = ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN);
            for (long k = 0; k < count; k++) {
                data.setFloat((first + k) * 4, Float16.toFloat(in.getShort((int) (k * 2))));
            }
        }
        setValid(leaf.getValidityBuffer(), first, first + count);
        list.endValue(i, m.rows());
    }

    /** Sets validity bits {@code [from, to)}: partial bytes bit by bit, whole bytes at once. */
    private static void setValid(ArrowBuf validity, long from, long to) {
        long i = from;
        for (; i < to && (i & 7) != 0; i++) {
            setBit(validity, i);
        }
        long wholeBytes = (to - i) >>> 3;
        if (wholeBytes > 0) {
            validity.setOne(i >>> 3, wholeBytes);
            i += wholeBytes << 3;
        }
        for (; i < to; i++) {
            setBit(validity, i);
        }
    }

    private static void setBit(ArrowBuf validity, long bit) {
        long byteIndex = bit >>> 3;
        validity.setByte(byteIndex, validity.getByte(byteIndex) | (1 << (bit & 7)));
    }

    /** Forwards writes to the temp file and feeds the digest. */
    private final class DigestingChannel implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = channel.write(src);
            view.limit(view.position() + n);
            digest.update(view);
            bytes += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            // the channel is closed by finish() or abort()
        }
    }
}
