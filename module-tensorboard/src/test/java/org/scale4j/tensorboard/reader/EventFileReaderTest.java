package org.scale4j.tensorboard.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {

    /**
     * Record layout of the golden file: a 24-byte file-version event at 0, step 0 (49 data bytes,
     * step 0 is not on the wire) at 40, then steps 1..99 with 51 data bytes each, 67 bytes apart.
     */
    private static long offsetOfStep(long step) {
        return step == 0 ? 40 : 105 + (step - 1) * 67;
    }

    @TempDir
    Path tmp;

    @Test
    void readsTheTensorFlow2GoldenFile() throws IOException {
        Path golden = GoldenFiles.tf2Golden();
        EventFile file = EventFileReader.read(golden);
        assertTrue(file.isClean(), () -> "problems: " + file.problems());
        assertEquals(101, file.events().size());
        assertEquals("brain.Event:2", file.events().get(0).fileVersion());
        SortedMap<Long, Double> metric = file.scalars("my_metric");
        assertEquals(100, metric.size());
        for (long step = 0; step < 100; step++) {
            assertEquals(0.5 * step, metric.get(step), 0.0, "my_metric at step " + step);
        }
        TfValue first = file.events().get(1).values().get(0);
        assertEquals("scalars", first.pluginName(), "TF2 writes scalars as tensors with plugin 'scalars'");
        assertEquals(6738, Files.size(golden));
        for (int i = 1; i <= 100; i++) {
            assertEquals(offsetOfStep(i - 1), file.events().get(i).offset(), "offset of step " + (i - 1));
        }
    }

    @Test
    void truncatedCopyKeepsEveryWholeRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenFiles.tf2Golden());
        long offset = offsetOfStep(40);
        long cut = offset + 30; // 30 bytes into the record of step 40
        Path copy = tmp.resolve("events.out.tfevents.truncated");
        Files.write(copy, Arrays.copyOf(bytes, (int) cut));
        EventFile file = EventFileReader.read(copy);
        assertEquals(41, file.events().size());
        assertEquals(40, file.scalars("my_metric").size());
        assertEquals(19.5, file.scalars("my_metric").get(39L));
        assertEquals(List.of(new RecordProblem(offset, RecordProblem.Kind.TRUNCATED, copy
                + ": the file ends inside the record at byte " + offset
                + " (30 bytes left, the record needs 51 data bytes); reading stopped")), file.problems());
    }

    @Test
    void truncatedInsideTheHeader() throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenFiles.tf2Golden());
        Path copy = tmp.resolve("events.out.tfevents.header");
        Files.write(copy, Arrays.copyOf(bytes, 40 + 5));
        EventFile file = EventFileReader.read(copy);
        assertEquals(1, file.events().size());
        assertEquals(1, file.problems().size());
        assertEquals(RecordProblem.Kind.TRUNCATED, file.problems().get(0).kind());
        assertEquals(40, file.problems().get(0).offset());
    }

    @Test
    void flippedDataBitSkipsOnlyThatRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenFiles.tf2Golden());
        long offset = offsetOfStep(10);
        bytes[(int) offset + 12 + 20] ^= 0x04;
        Path copy = tmp.resolve("events.out.tfevents.flipped");
        Files.write(copy, bytes);
        EventFile file = EventFileReader.read(copy);
        assertEquals(100, file.events().size());
        assertEquals(List.of(new RecordProblem(offset, RecordProblem.Kind.DATA_CRC_MISMATCH, copy
                + ": record at byte " + offset + " (51 data bytes) fails its data CRC; skipped")), file.problems());
        SortedMap<Long, Double> metric = file.scalars("my_metric");
        assertEquals(99, metric.size());
        assertTrue(!metric.containsKey(10L));
        assertEquals(49.5, metric.get(99L), "records after the bad one are kept");
    }

    @Test
    void flippedLengthBitStopsAfterTheGoodRecords() throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenFiles.tf2Golden());
        long offset = offsetOfStep(70);
        bytes[(int) offset + 1] ^= 0x01;
        Path copy = tmp.resolve("events.out.tfevents.length");
        Files.write(copy, bytes);
        EventFile file = EventFileReader.read(copy);
        assertEquals(71, file.events().size(), "the version event and steps 0..69");
        assertEquals(List.of(new RecordProblem(offset, RecordProblem.Kind.LENGTH_CRC_MISMATCH, copy
                + ": record at byte " + offset + " has a corrupt length (CRC mismatch); the remaining "
                + (bytes.length - offset) + " bytes cannot be framed and are skipped")), file.problems());
    }

    @Test
    void flippedFooterCrcBitIsACrcMismatch() throws IOException {
        byte[] bytes = Files.readAllBytes(GoldenFiles.tf2Golden());
        long offset = offsetOfStep(99);
        bytes[bytes.length - 1] ^= (byte) 0x80;
        Path copy = tmp.resolve("events.out.tfevents.footer");
        Files.write(copy, bytes);
        EventFile file = EventFileReader.read(copy);
        assertEquals(100, file.events().size());
        assertEquals(1, file.problems().size());
        assertEquals(offset, file.problems().get(0).offset());
        assertEquals(RecordProblem.Kind.DATA_CRC_MISMATCH, file.problems().get(0).kind());
    }

    @Test
    void emptyFileIsClean() throws IOException {
        Path empty = Files.createFile(tmp.resolve("events.out.tfevents.empty"));
        EventFile file = EventFileReader.read(empty);
        assertTrue(file.isClean());
        assertTrue(file.events().isEmpty());
    }
}
