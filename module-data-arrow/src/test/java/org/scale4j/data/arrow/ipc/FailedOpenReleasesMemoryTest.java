package org.scale4j.data.arrow.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
     * reference to the mapped body was taken.
     */
    private Path bufferBeyondTheBody() throws IOException {
        long[] data = ThreeLabels.dataBuffer();
        return ThreeLabels.write(tmp.resolve("buffer-beyond-body.arrows"), data, new long[] {1 << 20, data[1]});
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
