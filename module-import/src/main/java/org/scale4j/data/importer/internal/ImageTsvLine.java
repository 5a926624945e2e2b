package org.scale4j.data.importer.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One line of the authors' image-feature TSV (spec 1.5, written by {@code generate_tsv_feature.py}):
 * {@code image_id, image_w, image_h, num_boxes, boxes, features, title}, tab-separated, no header;
 * {@code boxes} is base64 of float32 {@code [N,4]} pixel boxes (x1, y1, x2, y2), {@code features}
 * base64 of float32 {@code [N,D]} (D = 2048). The title column is not used (the caption JSON is
 * the title's source); lines with only the first six columns (the bottom-up-attention layout) are
 * accepted too. A base64 field written by Python 3's {@code csv} as {@code b'...'} is unwrapped.
 *
 * @param id the product id, or {@code null} when the line has none (it is then dropped)
 * @param features {@code [N,D]} float32 region features, or {@code null} when not usable
 * @param boxes {@code [N,5]} float32 normalised boxes (see {@link #normalise}), or {@code null}
 * @param problem what made the image unusable, or {@code null}
 */
public record ImageTsvLine(String id, FeatureMatrix features, FeatureMatrix boxes, Problem problem) {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /**
     * Parses a line.
     *
     * @param line the line's bytes (UTF-8), valid up to {@code length}
     * @param lineNo the 1-based line number, for the report
     * @param file the TSV file, for the report
     * @param dim the expected feature width (2048 for the paper's features)
     */
    public static ImageTsvLine parse(byte[] line, int length, long lineNo, String file, int dim) {
        int[] tabs = new int[7];
        int columns = 1;
        for (int i = 0; i < length && columns <= 7; i++) {
            if (line[i] == '\t') {
                tabs[columns - 1] = i;
                columns++;
            }
        }
        int idEnd = columns > 1 ? tabs[0] : length;
        String id = new String(line, 0, idEnd, StandardCharsets.UTF_8).strip();
        if (id.isEmpty()) {
            return new ImageTsvLine(null, null, null, new Problem(Problem.BAD_LINE, "", file, lineNo,
                    "the line has no product id in its first column; the line is skipped"));
        }
        if (columns < 6 || columns > 7) {
            return failed(id, Problem.BAD_LINE, file, lineNo, "expected 7 tab-separated columns (image_id, image_w,"
                    + " image_h, num_boxes, boxes, features, title), found " + (columns > 7 ? "more than 7" : columns));
        }
        double w;
        double h;
        int n;
        try {
            w = Double.parseDouble(field(line, tabs, 1));
            h = Double.parseDouble(field(line, tabs, 2));
            n = Integer.parseInt(field(line, tabs, 3).strip());
        } catch (NumberFormatException e) {
            return failed(id, Problem.BAD_LINE, file, lineNo, "image_w, image_h and num_boxes must be numbers ("
                    + e.getMessage() + ")");
        }
        if (!(w > 0) || !(h > 0) || n < 0) {
            return failed(id, Problem.BAD_LINE, file, lineNo, "image_w and image_h must be > 0 and num_boxes >= 0,"
                    + " found " + w + ", " + h + ", " + n);
        }
        if (n == 0) {
            return failed(id, Problem.WRONG_SHAPE, file, lineNo, "num_boxes is 0: no region features; the image"
                    + " is treated as missing");
        }
        int boxesEnd = tabs[4];
        int featuresEnd = columns == 7 ? tabs[5] : length;
        byte[] rawBoxes;
        byte[] rawFeatures;
        try {
            rawBoxes = decode(line, tabs[3] + 1, boxesEnd);
        } catch (IllegalArgumentException e) {
            return failed(id, Problem.CORRUPT, file, lineNo, "column 'boxes' is not valid base64 (" + e.getMessage()
                    + ")");
        }
        try {
            rawFeatures = decode(line, boxesEnd + 1, featuresEnd);
        } catch (IllegalArgumentException e) {
            return failed(id, Problem.CORRUPT, file, lineNo, "column 'features' is not valid base64 ("
                    + e.getMessage() + ")");
        }
        if (rawBoxes.length != n * 4 * 4) {
            return failed(id, Problem.WRONG_SHAPE, file, lineNo, "column 'boxes' holds " + rawBoxes.length
                    + " bytes; num_boxes=" + n + " needs " + (n * 16) + " (float32 [" + n + ",4])");
        }
        if (rawFeatures.length != (long) n * dim * 4) {
            return failed(id, Problem.WRONG_SHAPE, file, lineNo, "column 'features' holds " + rawFeatures.length
                    + " bytes; num_boxes=" + n + " needs " + ((long) n * dim * 4) + " (float32 [" + n + "," + dim
                    + "]); set the image feature dim if your features are not " + dim + "-d");
        }
        FloatBuffer pixelBoxes = ByteBuffer.wrap(rawBoxes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        return new ImageTsvLine(id, new FeatureMatrix(n, dim, false, rawFeatures),
                FeatureMatrix.ofFloats(n, 5, normalise(pixelBoxes, n, w, h)), null);
    }

    /**
     * The loader's box encoding (spec 1.6): {@code (x1/w, y1/h, x2/w, y2/h, (x2-x1)(y2-y1)/(w*h))}
     * from pixel boxes, in float32 arithmetic as numpy does it on a float32 array (the scalar
     * {@code w}, {@code h} and {@code w*h} are rounded to float32 first).
     */
    public static float[] normalise(FloatBuffer pixelBoxes, int n, double w, double h) {
        float fw = (float) w;
        float fh = (float) h;
        float area = (float) (w * h);
        float[] out = new float[n * 5];
        for (int i = 0; i < n; i++) {
            float x1 = pixelBoxes.get(i * 4);
            float y1 = pixelBoxes.get(i * 4 + 1);
            float x2 = pixelBoxes.get(i * 4 + 2);
            float y2 = pixelBoxes.get(i * 4 + 3);
            out[i * 5] = x1 / fw;
            out[i * 5 + 1] = y1 / fh;
            out[i * 5 + 2] = x2 / fw;
            out[i * 5 + 3] = y2 / fh;
            out[i * 5 + 4] = ((y2 - y1) * (x2 - x1)) / area;
        }
        return out;
    }

    private static ImageTsvLine failed(String id, String kind, String file, long lineNo, String detail) {
        return new ImageTsvLine(id, null, null, new Problem(kind, id, file, lineNo, detail));
    }

    private static String field(byte[] line, int[] tabs, int column) {
        return new String(line, tabs[column - 1] + 1, tabs[column] - tabs[column - 1] - 1, StandardCharsets.US_ASCII);
    }

    private static byte[] decode(byte[] line, int from, int to) {
        if (to - from >= 3 && line[from] == 'b' && (line[from + 1] == '\'' || line[from + 1] == '"')
                && line[to - 1] == line[from + 1]) {
            from += 2;
            to -= 1;
        }
        ByteBuffer decoded = BASE64.decode(ByteBuffer.wrap(line, from, to - from));
        byte[] out = new byte[decoded.remaining()];
        decoded.get(out);
        return out;
    }
}
