package org.scale4j.data.importer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageTsvLineTest {

    private static String b64(float... v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(bb.array());
    }

    private static ImageTsvLine parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return ImageTsvLine.parse(b, b.length, 7, "f.tsv", 3);
    }

    @Test
    void decodesFeaturesAndNormalisesBoxes() {
        ImageTsvLine l = parse(String.join("\t", "42", "200", "400", "2", b64(10, 20, 110, 220, 0, 0, 200, 400),
                b64(1, 2, 3, 4, 5, 6), "标题"));
        assertNull(l.problem());
        assertEquals("42", l.id());
        assertEquals(2, l.features().rows());
        assertArrayEquals(ByteBuffer.wrap(Base64.getDecoder().decode(b64(1, 2, 3, 4, 5, 6))).array(),
                l.features().data());
        // (x1/w, y1/h, x2/w, y2/h, (x2-x1)(y2-y1)/(w*h)): 100x200 of 200x400 is a quarter
        assertArrayEquals(FeatureMatrix.ofFloats(2, 5, new float[] {0.05f, 0.05f, 0.55f, 0.55f, 0.25f,
                0f, 0f, 1f, 1f, 1f}).data(), l.boxes().data());
    }

    @Test
    void acceptsPythonBytesReprAndSixColumns() {
        ImageTsvLine l = parse(String.join("\t", "42", "200.0", "400", "1", "b'" + b64(0, 0, 1, 1) + "'",
                "b'" + b64(7, 8, 9) + "'"));
        assertNull(l.problem());
        assertEquals(3, l.features().dim());
    }

    @Test
    void reportsBrokenLinesPrecisely() {
        assertEquals("f.tsv:7: product 42: bad-line: expected 7 tab-separated columns (image_id, image_w, image_h,"
                + " num_boxes, boxes, features, title), found 4",
                parse("42\t1\t2\t3").problem().describe());
        assertEquals("f.tsv:7: product 42: bad-line: image_w, image_h and num_boxes must be numbers (For input"
                + " string: \"x\")", parse(String.join("\t", "42", "1", "2", "x", "", "", "")).problem().describe());
        assertEquals("f.tsv:7: product 42: wrong-shape: column 'boxes' holds 12 bytes; num_boxes=1 needs 16"
                + " (float32 [1,4])", parse(String.join("\t", "42", "1", "2", "1", b64(1, 2, 3), b64(1, 2, 3), ""))
                .problem().describe());
        assertEquals("f.tsv:7: product 42: wrong-shape: column 'features' holds 8 bytes; num_boxes=1 needs 12"
                + " (float32 [1,3]); set the image feature dim if your features are not 3-d",
                parse(String.join("\t", "42", "1", "2", "1", b64(1, 2, 3, 4), b64(1, 2), "")).problem().describe());
        assertEquals("f.tsv:7: product 42: corrupt: column 'features' is not valid base64 (Illegal base64"
                + " character 2a)", parse(String.join("\t", "42", "1", "2", "1", b64(1, 2, 3, 4), "AAAA*AAA", ""))
                .problem().describe());
        assertEquals("f.tsv:7: product 42: wrong-shape: num_boxes is 0: no region features; the image is treated"
                + " as missing", parse(String.join("\t", "42", "1", "2", "0", "", "", "")).problem().describe());
        ImageTsvLine noId = parse("\t1\t2");
        assertNull(noId.id());
        assertEquals("f.tsv:7: product (no id): bad-line: the line has no product id in its first column; the line"
                + " is skipped", noId.problem().describe());
    }
}
