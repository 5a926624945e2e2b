package org.scale4j.tensorboard.internal;

import java.util.zip.CRC32C;

/**
 * The masked CRC-32C (Castagnoli) that TFRecord framing stores after the length and after the data.
 *
 * <p>TensorFlow masks the CRC so that a CRC computed over data that itself contains CRCs stays
 * well distributed: {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8}, modulo 2^32
 * ({@code tensorflow/core/lib/hash/crc32c.h}).
 */
public final class MaskedCrc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {
    }

    /** The masked CRC-32C of {@code length} bytes of {@code data} from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return mask((int) crc.getValue());
    }

    /** Masks a raw CRC-32C value. */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }
}
