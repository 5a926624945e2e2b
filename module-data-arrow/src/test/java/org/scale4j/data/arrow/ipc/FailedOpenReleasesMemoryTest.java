package org.scale4j.data.arrow.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scale4j.api.data.DataContext;
import org.scale4j.api.data.DataException;
import org.scale4j.data.arrow.dataset.ArrowDataset;
import org.scale4j.data.arrow.dataset.DatasetLayout;
import org.scale4j.data.arrow.dataset.SourceOptions;

/**
 * A shard whose record batch metadata Arrow cannot turn into a batch fails the open with the
 * same {@link DataException} as before, and leaves no Arrow memory behind: the mapped body is
 * released before the allocator closes (found by ArrowFuzzTest: the allocator logged "Memory was
 * leaked by query" for the 39320-byte body of the fuzzed shard).
 */
class FailedOpenReleasesMemoryTest {

    @TempDir Path tmp;

    /**
     * An IPC stream with one 3-row int column whose metadata puts the data buffer 1 MiB into a
     * body of a few bytes: Arrow's {@code deserializeRecordBatch} fails slicing the body, after our
     * reference to the mapped body was taken. Written by Arrow, then the data buffer's
     * {@code (offset, length)} entry in the record batch metadata is rewritten.
     */
    private Path bufferBeyondTheBody() throws IOException {
        Schema schema = new Schema(List.of(Field.nullable("label", new ArrowType.Int(32, true))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long schemaEnd;
        ArrowBuffer data;
        try (BufferAllocator allocator = new RootAllocator();
                IntVector labels = new IntVector("label", allocator)) {
            labels.allocateNew(3);
            for (int i = 0; i < 3; i++) {
                labels.set(i, 10 + i);
            }
            labels.setValueCount(3);
            WriteChannel channel = new WriteChannel(Channels.newChannel(bytes));
            schemaEnd = MessageSerializer.serialize(channel, schema);
            try (ArrowRecordBatch batch = new ArrowRecordBatch(3, List.of(new ArrowFieldNode(3, 0)),
                    List.of(labels.getValidityBuffer(), labels.getDataBuffer()))) {
                data = batch.getBuffersLayout().get(1);
                MessageSerializer.serialize(channel, batch);
            }
            ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT);
        }
        byte[] file = bytes.toByteArray();
        ByteBuffer entry = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(data.getOffset()).putLong(data.getSize());
        int at = -1;
        for (int i = (int) schemaEnd; i + 16 <= file.length; i += 8) { // flatbuffer structs of longs are 8-aligned
            if (ByteBuffer.wrap(file, i, 16).equals(entry.rewind())) {
                assertEquals(-1, at, "the data buffer's entry occurs once in the metadata");
                at = i;
            }
        }
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(at, 1 << 20);
        Path path = tmp.resolve("buffer-beyond-body.arrows");
        Files.write(path, file);
        return path;
    }

    private static String expectedMessage(Path file) {
        return file + ": not a readable Arrow IPC file (IndexOutOfBoundsException: index (1048576) must not be"
                + " greater than size (24)); the file may be truncated or corrupt, re-export it";
    }

    @Test
    void aFailedOpenLeavesNothingAllocated() throws IOException {
        Path file = bufferBeyondTheBody();
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator perOpen = root.newChildAllocator("open", 0, Long.MAX_VALUE);
            DataException e = assertThrows(DataException.class, () -> MappedArrowFile.open(file, perOpen));
            assertEquals(expectedMessage(file), e.getMessage());
            assertEquals(0, perOpen.getAllocatedMemory(), "bytes still allocated after the failed open");
            // Arrow's close throws IllegalStateException("Memory was leaked by query...") on outstanding buffers
            assertDoesNotThrow(perOpen::close);
        }
    }

    @Test
    void aFailedDatasetOpenReportsTheFileNotALeak() throws IOException {
        Path file = bufferBeyondTheBody();
        DataException e = assertThrows(DataException.class, () -> ArrowDataset.open(
                DatasetLayout.resolve(file, "data.source.path"), SourceOptions.defaults(),
                new DataContext(Map.of(), tmp, 1)));
        assertEquals(expectedMessage(file), e.getMessage());
        // the dataset closes its allocator on the failure; a leak would be attached here as suppressed
        assertArrayEquals(new Throwable[0], e.getSuppressed());
    }
}
