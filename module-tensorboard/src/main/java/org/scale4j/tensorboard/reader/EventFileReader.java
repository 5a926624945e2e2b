package org.scale4j.tensorboard.reader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scale4j.tensorboard.internal.MaskedCrc32c;
import org.scale4j.tensorboard.internal.RecordFraming;

/**
 * Reads a TensorBoard event file (TFRecord framing, any writer: ours, TensorFlow, PyTorch) and
 * checks every record.
 *
 * <p>Each record is {@code uint64 length, uint32 masked_crc32c(length), data,
 * uint32 masked_crc32c(data)}, little-endian. The reader keeps every good record and reports each
 * bad one with its byte offset:
 * <ul>
 *   <li>a file that ends inside a record (a writer still running, or killed) stops reading
 *       cleanly with a {@link RecordProblem.Kind#TRUNCATED} problem;</li>
 *   <li>a length that fails its CRC stops reading, because the next record's start is unknown;</li>
 *   <li>data that fails its CRC, or does not decode, is skipped and reading goes on with the next
 *       record, whose position the (verified) length gives.</li>
 * </ul>
 */
public final class EventFileReader {

    private EventFileReader() {
    }

    /**
     * Reads every record of {@code file}.
     *
     * @throws IOException when the file cannot be opened or read (not for bad records: those are
     *     {@link EventFile#problems()})
     */
    public static EventFile read(Path file) throws IOException {
        long size = Files.size(file);
        List<TfEvent> events = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long offset = 0;
            while (offset < size) {
                byte[] header = in.readNBytes(RecordFraming.HEADER_BYTES);
                if (header.length < RecordFraming.HEADER_BYTES) {
                    problems.add(truncated(file, offset, size, "its header"));
                    break;
                }
                ByteBuffer le = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                long length = le.getLong(0);
                if (MaskedCrc32c.of(header, 0, Long.BYTES) != le.getInt(Long.BYTES)) {
                    problems.add(new RecordProblem(offset, RecordProblem.Kind.LENGTH_CRC_MISMATCH, file
                            + ": record at byte " + offset + " has a corrupt length (CRC mismatch); the remaining "
                            + (size - offset) + " bytes cannot be framed and are skipped"));
                    break;
                }
                long end = offset + RecordFraming.HEADER_BYTES + length + RecordFraming.FOOTER_BYTES;
                if (length < 0 || end > size) {
                    problems.add(truncated(file, offset, size, length + " data bytes"));
                    break;
                }
                byte[] data = in.readNBytes((int) length);
                byte[] footer = in.readNBytes(RecordFraming.FOOTER_BYTES);
                if (data.length < length || footer.length < RecordFraming.FOOTER_BYTES) {
                    problems.add(truncated(file, offset, size, length + " data bytes"));
                    break;
                }
                int dataCrc = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
                if (MaskedCrc32c.of(data, 0, data.length) != dataCrc) {
                    problems.add(new RecordProblem(offset, RecordProblem.Kind.DATA_CRC_MISMATCH, file + ": record at byte "
                            + offset + " (" + length + " data bytes) fails its data CRC; skipped"));
                } else {
                    try {
                        events.add(EventDecoder.decode(data, offset));
                    } catch (IOException e) {
                        problems.add(new RecordProblem(offset, RecordProblem.Kind.UNDECODABLE, file + ": record at byte "
                                + offset + " is not an Event message (" + e.getMessage() + "); skipped"));
                    }
                }
                offset = end;
            }
        }
        return new EventFile(file, events, problems);
    }

    private static RecordProblem truncated(Path file, long offset, long size, String needed) {
        return new RecordProblem(offset, RecordProblem.Kind.TRUNCATED, file + ": the file ends inside the record at byte "
                + offset + " (" + (size - offset) + " bytes left, the record needs " + needed + "); reading stopped");
    }
}
