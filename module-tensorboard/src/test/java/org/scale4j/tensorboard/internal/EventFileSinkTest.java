package org.scale4j.tensorboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abandoning a failing file: what stays on disk. */
class EventFileSinkTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void anAbandonedFileThatGotNoByteIsDeleted() throws IOException {
        // a full disk fails the first write of every retry: each retry's new file stays empty
        EventFileSink sink = new EventFileSink(tmp, CLOCK);
        sink.write(RecordFraming.frame(new byte[] {1, 2, 3})); // opens the file; the bytes wait in the buffer
        sink.write(RecordFraming.frame(new byte[] {4}));
        Path file = sink.currentFile();
        assertEquals(0, Files.size(file));
        assertEquals(2, sink.abandon(), "both buffered records are lost");
        assertNull(sink.currentFile());
        assertFalse(Files.exists(file), "an empty abandoned file is removed");
        assertEquals(List.of(), list());
    }

    @Test
    void anAbandonedFileWithRecordsIsKept() throws IOException {
        EventFileSink sink = new EventFileSink(tmp, CLOCK);
        sink.write(RecordFraming.frame(new byte[] {1, 2, 3}));
        sink.flush(true);
        Path file = sink.currentFile();
        long size = Files.size(file);
        assertTrue(size > 0);
        sink.write(RecordFraming.frame(new byte[] {4})); // buffered when the failure comes
        assertEquals(1, sink.abandon(), "only the record after the flush is lost");
        assertEquals(List.of(file), list(), "the records written before the failure stay readable");
        assertEquals(size, Files.size(file));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }
}
