package org.scale4j.data.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    @TempDir
    Path tmp;

    @Test
    void longLinesExactOffsetsAndResume() throws IOException {
        String big = "x".repeat(3 * (1 << 20) + 17); // longer than the 1 MiB buffer
        Path f = tmp.resolve("a.tsv");
        Files.writeString(f, "一\t1\r\n" + big + "\n\nlast", StandardCharsets.UTF_8);
        long second;
        try (LineReader r = new LineReader(FileChannel.open(f, StandardOpenOption.READ), 0)) {
            assertTrue(r.next());
            assertEquals("一\t1", r.text());
            assertEquals(0, r.lineStart());
            second = r.position();
            assertEquals(7, second); // 3 UTF-8 bytes + tab + 1 + CR LF
            assertTrue(r.next());
            assertEquals(big.length(), r.length());
            assertTrue(r.next());
            assertEquals(0, r.length());
            assertTrue(r.next());
            assertEquals("last", r.text());
            assertFalse(r.next());
        }
        try (LineReader r = new LineReader(FileChannel.open(f, StandardOpenOption.READ), second)) {
            assertTrue(r.next());
            assertEquals(big, r.text());
            assertEquals(second + big.length() + 1, r.position());
        }
    }
}
