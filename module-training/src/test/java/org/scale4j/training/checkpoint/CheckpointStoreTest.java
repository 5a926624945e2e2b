package org.scale4j.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private static CheckpointWriter checkpoint(long step, int bigBytes) {
        byte[] big = new byte[bigBytes];
        new Random(step).nextBytes(big);
        return CheckpointWriter.create()
                .add("meta", ("step " + step).getBytes(StandardCharsets.UTF_8))
                .add("parameters", out -> out.write(big))
                .add("empty", new byte[0]);
    }

    @Test
    void roundTripsEntriesLargerThanOneChunk() throws IOException {
        Path file = dir.resolve("a.ckpt");
        checkpoint(7, 200_000).writeTo(file);
        Map<String, byte[]> entries = CheckpointReader.readAll(file);
        assertEquals(List.of("meta", "parameters", "empty"), List.copyOf(entries.keySet()));
        byte[] expected = new byte[200_000];
        new Random(7).nextBytes(expected);
        assertArrayEquals(expected, entries.get("parameters"));
        assertEquals("step 7", new String(entries.get("meta"), StandardCharsets.UTF_8));
        assertEquals(0, entries.get("empty").length);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void detectsBitFlipAndTruncation() throws IOException {
        Path file = dir.resolve("a.ckpt");
        checkpoint(1, 5000).writeTo(file);
        byte[] bytes = Files.readAllBytes(file);

        bytes[2000] ^= 0x10;
        Files.write(file, bytes);
        CorruptCheckpointException flipped = assertThrows(CorruptCheckpointException.class,
                () -> CheckpointReader.verify(file));
        assertTrue(flipped.getMessage().endsWith("SHA-256 mismatch: the file was changed or cut short"),
                flipped.getMessage());

        bytes[2000] ^= 0x10;
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThrows(CorruptCheckpointException.class, () -> CheckpointReader.verify(file));

        Files.write(file, "not a checkpoint at all, just text".getBytes(StandardCharsets.UTF_8));
        CorruptCheckpointException magic = assertThrows(CorruptCheckpointException.class,
                () -> CheckpointReader.verify(file));
        assertTrue(magic.getMessage().contains("bad magic"), magic.getMessage());
    }

    @Test
    void corruptLatestFallsBackToThePreviousWithAWarningNamingIt() throws IOException {
        List<String> warnings = new ArrayList<>();
        CheckpointStore store = new CheckpointStore(dir, 3, warnings::add);
        store.save(10, checkpoint(10, 1000), OptionalDouble.empty());
        store.save(20, checkpoint(20, 1000), OptionalDouble.empty());
        Path latest = store.pathOf(20);
        byte[] bytes = Files.readAllBytes(latest);
        Files.write(latest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertEquals(store.pathOf(10), store.latestValid().orElseThrow());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("checkpoint " + latest + " is corrupt"), warnings.get(0));
    }

    @Test
    void keepsTheLastNAndTheBest() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2, w -> { });
        double[] metrics = {5.0, 1.0, 3.0, 4.0, 2.0};
        for (int i = 0; i < metrics.length; i++) {
            store.save((i + 1) * 100L, checkpoint(i, 100), OptionalDouble.of(metrics[i]));
        }
        List<Long> steps = store.list().stream().map(CheckpointStore::stepOf).toList();
        assertEquals(List.of(200L, 400L, 500L), steps, "best (step 200, metric 1.0) plus the last two");
        assertEquals(new CheckpointStore.Best(200, 1.0), store.best().orElseThrow());
    }

    @Test
    void leftoverTemporaryFilesOfACrashedWriteAreIgnoredAndCleaned() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2, w -> { });
        store.save(1, checkpoint(1, 100), OptionalDouble.empty());
        Path stale = dir.resolve(".step-000000002.ckpt.123.tmp");
        Files.write(stale, new byte[] {1, 2, 3});
        assertEquals(store.pathOf(1), store.latestValid().orElseThrow());
        store.save(3, checkpoint(3, 100), OptionalDouble.empty());
        assertTrue(Files.notExists(stale));
    }
}
