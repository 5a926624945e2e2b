package org.scale4j.tensorboard;

import java.util.Objects;

/**
 * An uncompressed 8-bit image for {@link EventWriter#addImage}: {@code height} rows of
 * {@code width} pixels, each pixel {@code channels} bytes, rows top to bottom, no padding.
 *
 * <p>Channels follow TensorBoard's colour spaces: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. The pixel
 * array is copied on construction and by {@link #pixels()}, so an image never changes.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param channels bytes per pixel, 1 to 4
 * @param pixels {@code height * width * channels} bytes, row-major
 */
public record Image(int width, int height, int channels, byte[] pixels) {

    public Image {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("image channels must be 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA), got " + channels);
        }
        Objects.requireNonNull(pixels, "pixels");
        long expected = (long) width * height * channels;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image with " + channels
                    + " channels needs " + expected + " bytes, got " + pixels.length);
        }
        pixels = pixels.clone();
    }

    /** An RGB image from {@code height * width * 3} bytes. */
    public static Image rgb(int width, int height, byte[] pixels) {
        return new Image(width, height, 3, pixels);
    }

    /** A copy of the pixel bytes. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The pixel bytes without a copy, for the encoder in this module. */
    byte[] pixelsUnsafe() {
        return pixels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && width == other.width && height == other.height
                && channels == other.channels && java.util.Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, java.util.Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + "]";
    }
}
