package org.scale4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.tensorflow.proto.Event;

/**
 * Test helper, independent of the module's own reader: splits a file into TFRecord payloads,
 * asserting both masked CRC-32Cs of every record, and parses them with TensorFlow's classes.
 */
final class TfRecords {

    private TfRecords() {
    }

    /** The one event file in {@code dir}. */
    static Path onlyEventFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList();
            assertEquals(1, events.size(), "event files in " + dir + ": " + events);
            return events.get(0);
        }
    }

    static List<Event> events(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        for (byte[] payload : payloads(file)) {
            out.add(Event.parseFrom(payload));
        }
        return out;
    }

    static List<byte[]> payloads(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        while (buf.hasRemaining()) {
            int start = buf.position();
            long length = buf.getLong();
            assertEquals(maskedCrc(buf.array(), start, 8), buf.getInt(), "length CRC at " + start);
            byte[] data = new byte[(int) length];
            buf.get(data);
            assertEquals(maskedCrc(data, 0, data.length), buf.getInt(), "data CRC at " + start);
            out.add(data);
        }
        assertTrue(!out.isEmpty(), "no records in " + file);
        return out;
    }

    private static int maskedCrc(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }
}
