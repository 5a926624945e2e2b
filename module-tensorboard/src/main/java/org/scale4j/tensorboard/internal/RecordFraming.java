package org.scale4j.tensorboard.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TFRecord framing, as TensorBoard's {@code record_writer.py} writes it, all little-endian:
 * {@code uint64 length, uint32 masked_crc32c(length bytes), byte[length] data,
 * uint32 masked_crc32c(data)}.
 */
public final class RecordFraming {

    /** Bytes before the data: the length and its CRC. */
    public static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;
    /** Bytes after the data: its CRC. */
    public static final int FOOTER_BYTES = Integer.BYTES;

    private RecordFraming() {
    }

    /** One framed record holding {@code data}; {@code 16 + data.length} bytes. */
    public static byte[] frame(byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + data.length + FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(data.length);
        buf.putInt(MaskedCrc32c.of(buf.array(), 0, Long.BYTES));
        buf.put(data);
        buf.putInt(MaskedCrc32c.of(data, 0, data.length));
        return buf.array();
    }
}
