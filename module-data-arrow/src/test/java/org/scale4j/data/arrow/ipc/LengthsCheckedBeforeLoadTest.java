package org.scale4j.data.arrow.ipc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scale4j.api.data.DataException;

/**
 * A record batch's field node (length, null count) is checked against its buffers before Arrow
 * loads it. Before, a node whose length or null count disagreed with its buffers and the batch's
 * row count was loaded silently (Arrow overrides the length with the row count at the end of
 * loading), and lengths were trusted for sizing on the way (a validity bitmap of {@code length / 8}
 * bytes for a node without nulls). The per-open allocator is capped at 4 MiB, so an allocation
 * from a corrupt length cannot pass unnoticed either.
 */
class LengthsCheckedBeforeLoadTest {

    private static final long CAP = 4 << 20;

    @TempDir Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1073741824 | 0 | column label: data buffer of 12 bytes for 1073741824 values",
        "-1 | 0 | column label: negative length -1",
        "2 | 0 | column label: 2 values but the record batch has 3",
        "3 | 4 | column label: null count 4 for 3 values",
    })
    void aCorruptFieldNodeFailsBeforeAnythingIsAllocatedFromIt(long length, long nullCount, String problem)
            throws IOException {
        Path file = ThreeLabels.write(tmp.resolve("node.arrows"), ThreeLabels.NODE, new long[] {length, nullCount});
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator perOpen = root.newChildAllocator("open", 0, CAP);
            DataException e = assertThrows(DataException.class, () -> MappedArrowFile.open(file, perOpen));
            assertEquals(file + ": not a readable Arrow IPC file (IllegalStateException: " + problem
                    + "); the file may be truncated or corrupt, re-export it", e.getMessage());
            assertTrue(perOpen.getPeakMemoryAllocation() < 64 * 1024, "peak " + perOpen.getPeakMemoryAllocation());
            assertDoesNotThrow(perOpen::close);
        }
    }

    @Test
    void theUncorruptedStreamOpens() throws IOException {
        Path file = ThreeLabels.write(tmp.resolve("node.arrows"), ThreeLabels.NODE, ThreeLabels.NODE);
        try (RootAllocator root = new RootAllocator(); MappedArrowFile opened = MappedArrowFile.open(file, root)) {
            assertEquals(3, opened.rowCount());
            assertEquals("[10, 11, 12]", opened.batches().get(0).getVector("label").toString());
        }
    }
}
