package org.scale4j.data.arrow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scale4j.api.data.DataException;
import org.scale4j.data.arrow.ArrowFuzzTest.Duplicate;
import org.scale4j.data.arrow.ipc.MappedArrowFile;

/**
 * Regression (found by ArrowFuzzTest): ranges duplicated inside a record batch body gave list
 * columns garbage offsets, and Arrow's loader sized the child vectors from them (the list's last
 * offset becomes the child's value count) before any check ran: 15-22 GB allocated and 20-55 s
 * per open, then the right error. The offsets are now checked before loading, so the open fails
 * at once with the same kind of message, holding no more than the mapped body and the copied
 * small buffers (about 41 KB for this 43 KB shard). The per-open allocator is capped at 4 MiB, so
 * a loader that allocates from the garbage fails fast with an out-of-memory message, not this one.
 */
class CorruptOffsetsFailFastTest {

    private static final long CAP = 4 << 20;

    @TempDir static Path tmp;
    private static byte[] shard;

    @BeforeAll
    static void generate() throws IOException {
        // the fuzz test's shard: same preset, rows and seed
        shard = Files.readAllBytes(TestData.tiny(tmp, 12, 5).resolve("train/part-00000.arrow"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "16417 | 62 | column image_boxes: negative offset",
        "4261 | 57 | column image_feats: offset 1717660777 at 1 is below the one before it (1802464873)",
        "18266 | 35 | column image_boxes: offset -297838412 at 2 is below the one before it (1807755030)",
    })
    void garbageOffsetsFailBeforeAnythingIsSizedFromThem(int at, int length, String problem) throws IOException {
        Path file = tmp.resolve("duplicate-" + at + "-" + length + ".arrow");
        Files.write(file, new Duplicate(at, length).apply(shard));
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator perOpen = root.newChildAllocator("open", 0, CAP);
            DataException e = assertThrows(DataException.class, () -> MappedArrowFile.open(file, perOpen));
            assertEquals(file + ": not a readable Arrow IPC file (IllegalStateException: " + problem
                    + "); the file may be truncated or corrupt, re-export it", e.getMessage());
            // the mapped body (counted by Arrow) plus the resident copies: bounded by the file's size
            assertTrue(perOpen.getPeakMemoryAllocation() <= shard.length + 64 * 1024,
                    "peak " + perOpen.getPeakMemoryAllocation() + " bytes for a " + shard.length + "-byte file");
            assertEquals(0, perOpen.getAllocatedMemory());
            assertDoesNotThrow(perOpen::close);
        }
    }
}
