package org.scale4j.tensorboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Decodes our PNGs with the JDK's own decoder (ImageIO), which this module does not use. */
class PngTest {

    @Test
    void rgbRoundTripsThroughImageIo() throws IOException {
        int w = 7;
        int h = 5;
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37 + 11);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Png.encode(w, h, 3, px)));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                int expected = ((px[o] & 0xff) << 16) | ((px[o + 1] & 0xff) << 8) | (px[o + 2] & 0xff);
                assertEquals(expected, img.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void greyAndRgbaRoundTrip() throws IOException {
        byte[] grey = {0, 64, (byte) 128, (byte) 255};
        BufferedImage g = ImageIO.read(new ByteArrayInputStream(Png.encode(2, 2, 1, grey)));
        assertEquals(128, g.getRaster().getSample(0, 1, 0));
        assertEquals(255, g.getRaster().getSample(1, 1, 0));
        byte[] rgba = {10, 20, 30, 40, 50, 60, 70, (byte) 200};
        BufferedImage c = ImageIO.read(new ByteArrayInputStream(Png.encode(2, 1, 4, rgba)));
        assertEquals(0xc8323c46, c.getRGB(1, 0));
        assertEquals(0x280a141e, c.getRGB(0, 0));
    }
}
