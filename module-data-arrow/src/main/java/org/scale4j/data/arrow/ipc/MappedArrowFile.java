package org.scale4j.data.arrow.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.scale4j.api.data.DataException;

/**
 * One Arrow IPC file (file or stream format) opened by memory-mapping the body of every record
 * batch: the vectors read straight from the page cache, nothing is loaded whole.
 *
 * <p>Arrow Java's own readers copy each body into allocator memory; here each body is mapped with
 * {@link FileChannel#map} and wrapped as an {@link ArrowBuf} through
 * {@link BufferAllocator#wrapForeignAllocation}, so nothing is loaded whole. Metadata (schema,
 * message headers) is small and is read normally. Bulk feature reads go through {@link #read}, a
 * positional read at the file offset of a mapped address: the one copy on the way into a tensor,
 * without making the file's pages resident in this process.
 *
 * <p>Only the bulk value buffers are read from the mapping, and only by positional reads (feature
 * rows, boxes, string bytes); validity bitmaps, offsets and small fixed-width columns are copied
 * into memory at open ({@link ResidentBuffers}, a few bytes a row). So loading never touches a
 * page of the mapping, and the file-backed part of the resident set does not grow with the
 * dataset (the kernel maps 64 KB around every touched page of a mapping).
 *
 * <p>Dictionary-encoded and compressed bodies are rejected with a message saying how to rewrite
 * the file. Every batch is structurally validated ({@link OffsetCheck}) before it is loaded, so
 * corrupt lengths and offsets surface as a {@link DataException} naming the column, not as reads
 * outside the mapping or as gigabytes allocated from a garbage number.
 */
public final class MappedArrowFile implements AutoCloseable {

    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    /** The IPC continuation marker that precedes a message's metadata length (0xFFFFFFFF). */
    private static final int CONTINUATION = -1;

    private final Path path;
    private final Schema schema;
    private final List<VectorSchemaRoot> batches;
    private final boolean fileFormat;
    private final long[] bodyOffsets;
    private final long[] bodyAddresses;
    private final long[] bodyLengths;
    private volatile FileChannel reader;
    private volatile boolean closed;

    private MappedArrowFile(Path path, Schema schema, List<VectorSchemaRoot> batches, boolean fileFormat,
            long[] bodyOffsets, long[] bodyAddresses, long[] bodyLengths, FileChannel reader) {
        this.path = path;
        this.schema = schema;
        this.batches = batches;
        this.fileFormat = fileFormat;
        this.bodyOffsets = bodyOffsets;
        this.bodyAddresses = bodyAddresses;
        this.bodyLengths = bodyLengths;
        this.reader = reader;
    }

    /**
     * Opens and maps {@code path}.
     *
     * @throws DataException when the file is missing, empty, truncated, compressed, dictionary-encoded
     *     or otherwise not a readable Arrow IPC file; the message names the file
     */
    public static MappedArrowFile open(Path path, BufferAllocator allocator) {
        List<VectorSchemaRoot> loaded = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new DataException(path + ": the file is empty; it is not an Arrow IPC file (re-export the shard)");
            }
            boolean fileFormat = startsWithMagic(channel);
            Schema schema;
            List<long[]> bodies = new ArrayList<>(); // {metadataOffset, bodyOffset, bodyLength}
            if (fileFormat) {
                schema = readFileFormat(path, channel, allocator, bodies);
            } else {
                schema = readStreamFormat(path, channel, bodies);
            }
            long[] offsets = new long[bodies.size()];
            long[] addresses = new long[bodies.size()];
            long[] lengths = new long[bodies.size()];
            for (int i = 0; i < bodies.size(); i++) {
                long[] body = bodies.get(i);
                offsets[i] = body[1];
                lengths[i] = body[2];
                loaded.add(loadBatch(path, channel, size, schema, allocator, body, addresses, i));
            }
            FileChannel reader = FileChannel.open(path, StandardOpenOption.READ);
            return new MappedArrowFile(path, schema, List.copyOf(loaded), fileFormat, offsets, addresses, lengths,
                    reader);
        } catch (NoSuchFileException e) {
            closeAll(loaded);
            throw new DataException(path + ": file not found");
        } catch (IOException | RuntimeException e) {
            closeAll(loaded);
            if (e instanceof DataException de) {
                throw de;
            }
            throw new DataException(path + ": not a readable Arrow IPC file (" + describe(e)
                    + "); the file may be truncated or corrupt, re-export it", e);
        }
    }

    private static boolean startsWithMagic(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(FILE_MAGIC.length);
        channel.read(head, 0);
        if (head.position() < FILE_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < FILE_MAGIC.length; i++) {
            if (head.get(i) != FILE_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static Schema readFileFormat(Path path, FileChannel channel, BufferAllocator allocator, List<long[]> bodies)
            throws IOException {
        // The footer lists the record batch blocks; ArrowFileReader reads just the footer here.
        try (ArrowFileReader reader = new ArrowFileReader(new NonClosingChannel(channel), allocator)) {
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            if (!reader.getDictionaryBlocks().isEmpty()) {
                throw dictionaryError(path);
            }
            for (ArrowBlock block : reader.getRecordBlocks()) {
                bodies.add(new long[] {block.getOffset(), block.getOffset() + block.getMetadataLength(),
                    block.getBodyLength()});
            }
            return schema;
        }
    }

    private static Schema readStreamFormat(Path path, FileChannel channel, List<long[]> bodies) throws IOException {
        channel.position(0);
        ReadChannel in = new ReadChannel(new NonClosingChannel(channel));
        MessageMetadataResult first = readMessage(path, channel, in);
        if (first == null || first.headerType() != MessageHeader.Schema) {
            throw new DataException(path + ": no Arrow schema message at the start; not an Arrow IPC stream or file");
        }
        Schema schema = MessageSerializer.deserializeSchema(first);
        while (true) {
            long metadataOffset = channel.position();
            MessageMetadataResult message = readMessage(path, channel, in);
            if (message == null) {
                break; // end-of-stream marker or end of file
            }
            long bodyOffset = channel.position();
            long bodyLength = message.getMessageBodyLength();
            if (message.headerType() == MessageHeader.DictionaryBatch) {
                throw dictionaryError(path);
            }
            if (message.headerType() == MessageHeader.RecordBatch) {
                bodies.add(new long[] {metadataOffset, bodyOffset, bodyLength});
            }
            channel.position(bodyOffset + bodyLength);
        }
        return schema;
    }

    /**
     * The message at {@code channel}'s position, read from {@code in} (over the same channel), or
     * null at the end of the stream. Arrow allocates a heap array of the length prefix's size
     * before reading, so a corrupt prefix (up to 2 GiB) is first checked against the bytes left in
     * the file: else it is an OutOfMemoryError, or seconds spent filling a huge array.
     */
    private static MessageMetadataResult readMessage(Path path, FileChannel channel, ReadChannel in)
            throws IOException {
        long at = channel.position();
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (prefix.hasRemaining() && channel.read(prefix, at + prefix.position()) > 0) {
            // a short read near the end of the file leaves the rest to Arrow, which reports the end
        }
        if (prefix.position() >= 4) {
            int first = prefix.getInt(0);
            boolean continuation = first == CONTINUATION;
            long length = continuation ? prefix.position() == 8 ? prefix.getInt(4) : 0 : first;
            long start = at + (continuation ? 8 : 4);
            if (length < 0 || start + length > channel.size()) {
                throw new DataException(path + ": not a readable Arrow IPC file (a message at byte " + at
                        + " claims " + length + " bytes of metadata but the file has " + channel.size()
                        + " bytes); the file may be truncated or corrupt, re-export it");
            }
        }
        return MessageSerializer.readMessage(in);
    }

    private static VectorSchemaRoot loadBatch(Path path, FileChannel channel, long fileSize, Schema schema,
            BufferAllocator allocator, long[] body, long[] addresses, int index) throws IOException {
        long bodyOffset = body[1];
        long bodyLength = body[2];
        if (bodyOffset + bodyLength > fileSize || bodyLength < 0) {
            throw new DataException(path + ": a record batch ends at byte " + (bodyOffset + bodyLength)
                    + " but the file has " + fileSize + " bytes; the file is truncated, re-export it");
        }
        channel.position(body[0]);
        MessageMetadataResult message = readMessage(path, channel, new ReadChannel(new NonClosingChannel(channel)));
        if (message == null || message.headerType() != MessageHeader.RecordBatch) {
            throw new DataException(path + ": expected a record batch at byte " + body[0] + "; the file is corrupt");
        }
        ArrowBuf bodyBuf = map(channel, allocator, bodyOffset, bodyLength);
        addresses[index] = bodyBuf.memoryAddress();
        try (ArrowRecordBatch mapped = deserialize(message, bodyBuf)) {
            if (mapped.getBodyCompression().getCodec() != CompressionUtil.CodecType.NO_COMPRESSION.getType()) {
                throw new DataException(path + ": record batches are compressed; scale4j memory-maps uncompressed"
                        + " IPC only. Rewrite it uncompressed (pyarrow: ipc.new_file(..., options="
                        + "ipc.IpcWriteOptions(compression=None)))");
            }
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
            try {
                try (ArrowRecordBatch batch = ResidentBuffers.copySmall(mapped, schema, channel, bodyOffset,
                        addresses[index], allocator)) {
                    OffsetCheck.check(schema, batch); // the loader allocates from these numbers: check them first
                    new VectorLoader(root).load(batch);
                }
                // the vectors retain the buffers they loaded; closing the two batches drops every other reference
                return root;
            } catch (IOException | RuntimeException e) {
                root.close();
                throw e;
            }
        }
    }

    /**
     * The record batch {@code message} describes, over slices of {@code body}. Arrow hands our
     * reference to {@code body} over to the batch only when it succeeds; when the metadata is
     * corrupt (a buffer outside the body, a length over {@code INT_MAX}) it throws and the
     * reference is still ours, so it is released here: else the whole body stays allocated and
     * the allocator reports it as leaked when it closes.
     */
    private static ArrowRecordBatch deserialize(MessageMetadataResult message, ArrowBuf body) throws IOException {
        try {
            return MessageSerializer.deserializeRecordBatch(message, body);
        } catch (IOException | RuntimeException e) {
            body.close();
            throw e;
        }
    }

    private static ArrowBuf map(FileChannel channel, BufferAllocator allocator, long offset, long length)
            throws IOException {
        if (length == 0) {
            return allocator.getEmpty();
        }
        if (length > Integer.MAX_VALUE) {
            throw new DataException("a record batch body of " + length + " bytes exceeds 2 GiB; write smaller"
                    + " record batches (pyarrow: max_chunksize)");
        }
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
        return allocator.wrapForeignAllocation(new MappedAllocation(mapped));
    }

    private static DataException dictionaryError(Path path) {
        return new DataException(path + ": the file has dictionary-encoded columns; scale4j reads plain columns."
                + " Decode them before export (pyarrow: table.cast(plain schema); apache-arrow JS: use Utf8 vectors)");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeAll(List<VectorSchemaRoot> roots) {
        roots.forEach(VectorSchemaRoot::close);
    }

    /** The file path. */
    public Path path() {
        return path;
    }

    /** The schema all batches share. */
    public Schema schema() {
        return schema;
    }

    /** The record batches, in file order; valid until {@link #close()}. */
    public List<VectorSchemaRoot> batches() {
        return batches;
    }

    /** Whether the file is in the IPC file format (else the stream format). */
    public boolean isFileFormat() {
        return fileFormat;
    }

    /** The total number of rows. */
    public long rowCount() {
        long rows = 0;
        for (VectorSchemaRoot root : batches) {
            rows += root.getRowCount();
        }
        return rows;
    }

    /** Whether {@code path} starts with the Arrow file magic (else it may be a stream). */
    public static boolean isFileFormat(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return startsWithMagic(channel);
        }
    }

    /**
     * Reads {@code dst.remaining()} bytes of buffer {@code buf} of record batch {@code batch},
     * starting {@code offset} bytes into it, with positional reads of the file: the kernel copies
     * from the page cache into {@code dst} and no page of the mapping is touched, so bulk feature
     * reads do not pile file pages (and the kernel's read-around) into this process's RSS.
     */
    public void read(int batch, ArrowBuf buf, long offset, ByteBuffer dst) throws IOException {
        long inBody = buf.memoryAddress() + offset - bodyAddresses[batch];
        if (inBody < 0 || inBody + dst.remaining() > bodyLengths[batch]) {
            buf.getBytes(offset, dst); // a buffer copied into memory at open (ResidentBuffers), not in the mapping
            return;
        }
        long start = bodyOffsets[batch] + inBody;
        int first = dst.position();
        for (int attempt = 0; ; attempt++) {
            try {
                FileChannel channel = reader;
                while (dst.hasRemaining()) {
                    if (channel.read(dst, start + dst.position() - first) < 0) {
                        throw new IOException(path + ": unexpected end of file at byte " + (start + dst.position()
                                - first));
                    }
                }
                return;
            } catch (java.nio.channels.ClosedChannelException e) {
                // An interrupt of any reading thread closes a FileChannel for every thread; reopen once.
                if (closed || attempt > 0) {
                    throw e;
                }
                reopen();
                dst.position(first);
            }
        }
    }

    /** Whether {@code buf} lies in the mapped body of record batch {@code batch} (else it was copied at open). */
    boolean inMapping(int batch, ArrowBuf buf) {
        long inBody = buf.memoryAddress() - bodyAddresses[batch];
        return inBody >= 0 && inBody + buf.capacity() <= bodyLengths[batch];
    }

    private synchronized void reopen() throws IOException {
        if (!reader.isOpen() && !closed) {
            reader = FileChannel.open(path, StandardOpenOption.READ);
        }
    }

    /** The size of {@code path} in bytes. */
    public static long size(Path path) throws IOException {
        return Files.size(path);
    }

    @Override
    public void close() {
        closed = true;
        closeAll(batches);
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only channel: nothing was written that could be lost
        }
    }

    /** A mapping owned by Arrow's reference counting; unmapped when its last buffer is released. */
    private static final class MappedAllocation extends ForeignAllocation {
        @SuppressWarnings({"unused", "FieldCanBeLocal"})
        private MappedByteBuffer mapped; // keeps the mapping alive while Arrow references it

        MappedAllocation(MappedByteBuffer mapped) {
            super(mapped.capacity(), MemoryUtil.getByteBufferAddress(mapped));
            this.mapped = mapped;
        }

        @Override
        protected void release0() {
            // Arrow calls this once the last buffer slice is released: nothing can read the mapping any more.
            Unmapper.unmap(mapped);
            mapped = null;
        }
    }
}
