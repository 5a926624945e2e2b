package org.scale4j.data.arrow.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBuffer;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A tiny IPC stream written by Arrow (one record batch of a 3-row int column {@code label}, no
 * nulls) with one 16-byte pair of its record batch metadata rewritten: a corrupt shard whose
 * exact corruption is known. The metadata's field node is the pair {@code (length 3, null count
 * 0)}; a buffer entry is {@code (offset, size)} (see {@link #dataBuffer}).
 */
final class ThreeLabels {

    /** The field node of the {@code label} column: 3 values, no nulls. */
    static final long[] NODE = {3, 0};

    private ThreeLabels() {
    }

    /** The {@code (offset, size)} entry of the data buffer of {@code label} in the metadata. */
    static long[] dataBuffer() throws IOException {
        long[] entry = new long[2];
        write(entry);
        return entry;
    }

    /**
     * Writes the stream to {@code path} with the pair {@code from} of the metadata replaced by
     * {@code to}; {@code from} must occur exactly once after the schema message.
     */
    static Path write(Path path, long[] from, long[] to) throws IOException {
        byte[] file = write(null);
        int schemaEnd = (int) schemaEnd();
        ByteBuffer find = pair(from);
        int at = -1;
        for (int i = schemaEnd; i + 16 <= file.length; i += 8) { // flatbuffer structs of longs are 8-aligned
            if (ByteBuffer.wrap(file, i, 16).equals(find.rewind())) {
                assertEquals(-1, at, "the pair occurs once in the metadata");
                at = i;
            }
        }
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(at, to[0]).putLong(at + 8, to[1]);
        Files.write(path, file);
        return path;
    }

    private static ByteBuffer pair(long[] values) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(values[0]).putLong(values[1]);
    }

    private static long schemaEnd() throws IOException {
        WriteChannel channel = new WriteChannel(Channels.newChannel(new ByteArrayOutputStream()));
        return MessageSerializer.serialize(channel, schema());
    }

    private static Schema schema() {
        return new Schema(List.of(Field.nullable("label", new ArrowType.Int(32, true))));
    }

    /** The stream's bytes; stores the data buffer's {@code (offset, size)} in {@code dataEntry} if given. */
    private static byte[] write(long[] dataEntry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BufferAllocator allocator = new RootAllocator();
                IntVector labels = new IntVector("label", allocator)) {
            labels.allocateNew(3);
            for (int i = 0; i < 3; i++) {
                labels.set(i, 10 + i);
            }
            labels.setValueCount(3);
            WriteChannel channel = new WriteChannel(Channels.newChannel(bytes));
            MessageSerializer.serialize(channel, schema());
            try (ArrowRecordBatch batch = new ArrowRecordBatch(3, List.of(new ArrowFieldNode(3, 0)),
                    List.of(labels.getValidityBuffer(), labels.getDataBuffer()))) {
                if (dataEntry != null) {
                    ArrowBuffer data = batch.getBuffersLayout().get(1);
                    dataEntry[0] = data.getOffset();
                    dataEntry[1] = data.getSize();
                }
                MessageSerializer.serialize(channel, batch);
            }
            ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
        }
        return bytes.toByteArray();
    }
}
