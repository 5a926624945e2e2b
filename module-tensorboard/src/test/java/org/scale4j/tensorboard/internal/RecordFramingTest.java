package org.scale4j.tensorboard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordFramingTest {

    @Test
    void firstRecordHeaderMatchesTensorFlow() {
        // A real TF file begins with the 24-byte file-version event: length 24, then the masked CRC
        // of that length, 0x224b7fa3 (anchors 3.2, bytes seen in TF-written files).
        byte[] framed = RecordFraming.frame(new byte[24]);
        byte[] expected = {0x18, 0, 0, 0, 0, 0, 0, 0, (byte) 0xa3, 0x7f, 0x4b, 0x22};
        assertArrayEquals(expected, Arrays.copyOf(framed, 12));
        assertEquals(24 + 16, framed.length);
    }

    @Test
    void maskedCrcOfKnownInput() {
        // CRC-32C("123456789") = 0xE3069283 (the standard check value); masking by hand:
        // ((c >>> 15) | (c << 17)) + 0xa282ead8
        int crc = 0xE3069283;
        int masked = ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(masked, MaskedCrc32c.of(check, 0, check.length));
    }
}
