package org.scale4j.training.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.scale4j.tensorboard.Image;

class ModalityGraphPictureTest {

    @Test
    void cellsTakeViridisColoursAndNanIsGrey() {
        Image img = ModalityGraphPicture.heatMap(new double[][] {{Double.NaN, 0.0}, {1.0, 0.5}});
        assertEquals(64, img.width());
        assertEquals(64, img.height());
        assertArrayEquals(new int[] {0x80, 0x80, 0x80}, pixel(img, 5, 5), "NaN");
        assertArrayEquals(new int[] {0x44, 0x01, 0x54}, pixel(img, 40, 10), "minimum: viridis 0");
        assertArrayEquals(new int[] {0xfd, 0xe7, 0x25}, pixel(img, 10, 40), "maximum: viridis 1");
        assertArrayEquals(new int[] {0x21, 0x91, 0x8c}, pixel(img, 63, 63), "middle: viridis 0.5");
    }

    @Test
    void colourInterpolatesBetweenControlPoints() {
        // t = 0.125 lies halfway between viridis(0) = (68,1,84) and viridis(0.25) = (59,82,139)
        assertArrayEquals(new int[] {64, 42, 112}, ModalityGraphPicture.colour(0.125, 0, 1));
        assertArrayEquals(new int[] {0x21, 0x91, 0x8c}, ModalityGraphPicture.colour(3, 3, 3), "flat matrix: middle colour");
    }

    @Test
    void pairScalarsBecomeASymmetricMatrixAndNamesMayHoldDashes() {
        SortedMap<String, Double> s = new TreeMap<>();
        s.put("weight/my-audio", 0.5);
        s.put("weight/text", 0.5);
        s.put("weight/image", 0.5);
        s.put("pair/my-audio-text", 0.25);
        s.put("pair/image-my-audio", 0.75);
        PairScalars p = PairScalars.from(s);
        assertEquals(List.of("image", "my-audio", "text"), p.modalities());
        assertEquals(0.75, p.graph()[0][1]);
        assertEquals(0.75, p.graph()[1][0]);
        assertEquals(0.25, p.graph()[1][2]);
        assertEquals(0.25, p.graph()[2][1]);
        assertEquals(Double.NaN, p.graph()[0][2]);
        assertEquals(null, PairScalars.from(new TreeMap<>(java.util.Map.of("lr", 1.0))));
    }

    @Test
    void hyperparametersFlattenToDottedKeys() {
        java.util.Map<String, Object> hp = new java.util.HashMap<>();
        hp.put("a", java.util.Map.of("b", 1, "c", java.util.Map.of("d", "x")));
        hp.put("e", List.of(1, 2));
        hp.put("f", null);
        hp.put("g", java.util.Map.of());
        SortedMap<String, Object> flat = Hyperparameters.flatten(hp);
        assertEquals("{a.b=1, a.c.d=x, e=[1, 2], f=null, g={}}", flat.toString());
        assertEquals(Integer.class, flat.get("a.b").getClass(), "numbers keep their type");
        assertEquals("null", flat.get("f"), "null is kept as text so the key set does not shrink");
    }

    private static int[] pixel(Image img, int x, int y) {
        byte[] px = img.pixels();
        int o = (y * img.width() + x) * 3;
        return new int[] {px[o] & 0xff, px[o + 1] & 0xff, px[o + 2] & 0xff};
    }
}
