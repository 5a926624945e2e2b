package org.scale4j.data.arrow.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Splits a mapped record batch into the buffers that stay in the mapping and the ones copied into
 * memory. Staying mapped: the value and validity buffers of every float column (feature rows and
 * boxes, and float columns the recipe does not read), the byte buffers of strings and binaries,
 * and any buffer over {@link #LARGEST_COPY}; the loader reads the ones it uses by positional reads
 * only (the float validity is read by validation alone, through a short-lived mapping). Copied
 * (with positional reads, at open): everything else, i.e. validity bitmaps, offsets and small
 * fixed-width columns such as labels, which the loader reads element by element. Those are a few
 * bytes a row, while touching them in the mapping would make the kernel map 64 KB around each.
 * Bulk data stays mapped even in columns the recipe ignores (images as bytes, embeddings as plain
 * lists): copied, it would be memory the kernel cannot evict, growing with the dataset.
 */
final class ResidentBuffers {

    /** A buffer larger than this is bulk data, not a small column: it stays mapped (1 MiB). */
    static final long LARGEST_COPY = 1 << 20;

    private ResidentBuffers() {
    }

    /**
     * A batch over the same buffers as {@code mapped}, with the small ones copied into memory from
     * {@code allocator}. Returns {@code mapped}'s buffers unchanged (retained) when the schema has
     * buffers this class does not account for (view types with variadic buffers).
     *
     * @param bodyOffset the file offset of the body that {@code bodyAddress} maps
     */
    static ArrowRecordBatch copySmall(ArrowRecordBatch mapped, Schema schema, FileChannel channel, long bodyOffset,
            long bodyAddress, BufferAllocator allocator) throws IOException {
        List<Boolean> staysMapped = new ArrayList<>();
        classify(schema.getFields(), staysMapped);
        List<ArrowBuf> buffers = mapped.getBuffers();
        boolean understood = staysMapped.size() == buffers.size();
        long total = 0;
        for (int i = 0; i < buffers.size(); i++) {
            if (copied(understood, staysMapped, buffers, i)) {
                total += aligned(buffers.get(i).capacity());
            }
        }
        if (total == 0) {
            return new ArrowRecordBatch(mapped.getLength(), mapped.getNodes(), buffers, mapped.getBodyCompression(),
                    true, true);
        }
        // One allocation per record batch, sliced: a batch has dozens of small buffers.
        try (ArrowBuf block = allocator.buffer(total)) {
            List<ArrowBuf> chosen = new ArrayList<>(buffers.size());
            long at = 0;
            for (int i = 0; i < buffers.size(); i++) {
                ArrowBuf buf = buffers.get(i);
                if (!copied(understood, staysMapped, buffers, i)) {
                    chosen.add(buf);
                    continue;
                }
                int length = Math.toIntExact(buf.capacity());
                ByteBuffer dst = block.nioBuffer(at, length);
                long from = bodyOffset + (buf.memoryAddress() - bodyAddress);
                while (dst.hasRemaining()) {
                    if (channel.read(dst, from + dst.position()) < 0) {
                        throw new IOException("unexpected end of file at byte " + (from + dst.position()));
                    }
                }
                chosen.add(block.slice(at, length));
                at += aligned(length);
            }
            // the new batch retains every buffer (the slices share the block's reference count)
            return new ArrowRecordBatch(mapped.getLength(), mapped.getNodes(), chosen, mapped.getBodyCompression(),
                    true, true);
        }
    }

    private static boolean copied(boolean understood, List<Boolean> staysMapped, List<ArrowBuf> buffers, int i) {
        long size = buffers.get(i).capacity();
        return understood && !staysMapped.get(i) && size > 0 && size <= LARGEST_COPY;
    }

    /** Arrow's 8-byte buffer alignment. */
    private static long aligned(long length) {
        return (length + 7) & ~7L;
    }

    /** Appends, in VectorLoader's order (depth-first, a field's own buffers first), whether each buffer stays mapped. */
    private static void classify(List<Field> fields, List<Boolean> out) {
        for (Field field : fields) {
            ArrowType type = field.getType();
            int count = TypeLayout.getTypeBufferCount(type);
            for (int j = 0; j < count; j++) {
                // both buffers of the values: the bitmap of a float per bit is 1/32 of the feature
                // bytes, too big to copy; only validation reads it, through a short-lived mapping
                boolean floatValues = type instanceof ArrowType.FloatingPoint;
                boolean variableBytes = (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8
                        || type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) && j == 2;
                boolean fixedBytes = type instanceof ArrowType.FixedSizeBinary && j == 1;
                out.add(floatValues || variableBytes || fixedBytes);
            }
            classify(field.getChildren(), out);
        }
    }
}
