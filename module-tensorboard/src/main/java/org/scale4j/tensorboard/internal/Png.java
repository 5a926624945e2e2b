package org.scale4j.tensorboard.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder (8-bit grey, grey+alpha, RGB or RGBA; no interlace) on
 * {@link java.util.zip.Deflater} and {@link java.util.zip.CRC32}.
 *
 * <p>Written here so that this module does not need {@code java.desktop} (AWT and ImageIO) only to
 * compress a few heat maps. Every row uses PNG filter 1 ("Sub": each byte minus the byte one pixel
 * to the left), which compresses smooth pictures such as heat maps and sprites well and costs one
 * subtraction per byte.
 */
public final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_SUB = 1;

    private Png() {
    }

    /**
     * Encodes an image.
     *
     * @param width pixels per row
     * @param height rows
     * @param channels 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA
     * @param pixels {@code height * width * channels} bytes, row-major
     * @return the PNG file bytes
     */
    public static byte[] encode(int width, int height, int channels, byte[] pixels) {
        int rowBytes = width * channels;
        byte[] filtered = new byte[height * (rowBytes + 1)];
        int o = 0;
        for (int y = 0; y < height; y++) {
            int row = y * rowBytes;
            filtered[o++] = FILTER_SUB;
            for (int i = 0; i < rowBytes; i++) {
                int left = i >= channels ? pixels[row + i - channels] : 0;
                filtered[o++] = (byte) (pixels[row + i] - left);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(filtered.length / 2 + 64);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height);
        header.put((byte) 8); // bit depth
        header.put((byte) colourType(channels));
        header.put((byte) 0).put((byte) 0).put((byte) 0); // deflate, adaptive filtering, no interlace
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", deflate(filtered));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static int colourType(int channels) {
        return switch (channels) {
            case 1 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            case 4 -> 6;
            default -> throw new IllegalArgumentException("channels must be 1 to 4, got " + channels);
        };
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
