package org.scale4j.training.monitor;

import java.util.List;
import java.util.Locale;
import org.scale4j.tensorboard.Image;

/**
 * Draws an {@code [M, M]} modality-pair matrix as a heat map and as a Markdown table.
 *
 * <p>The picture has one {@value #CELL}-pixel square per pair, row {@code i} / column {@code j}
 * for {@code modalities[i]} / {@code modalities[j]} in sorted order. Colours follow the viridis
 * scale from dark purple (the smallest finite value of this matrix) to yellow (the largest), so
 * one picture shows which pairs the harmonizer weights most at that step; the text table beside
 * it gives the exact numbers and the names (the picture has no text). NaN cells (pairs without a
 * weight, such as the diagonal) are grey.
 */
final class ModalityGraphPicture {

    /** Pixels per cell side. */
    static final int CELL = 32;

    /** Viridis at 0, 0.25, 0.5, 0.75 and 1 (matplotlib's published colour map). */
    private static final int[][] VIRIDIS = {
        {0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62}, {0xfd, 0xe7, 0x25}};
    private static final int GREY = 0x80;

    private ModalityGraphPicture() {
    }

    /** The heat map, {@code M*CELL} pixels square, RGB. */
    static Image heatMap(double[][] graph) {
        int m = graph.length;
        double[] range = finiteRange(graph);
        int side = m * CELL;
        byte[] px = new byte[side * side * 3];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int[] rgb = colour(graph[i][j], range[0], range[1]);
                for (int y = i * CELL; y < (i + 1) * CELL; y++) {
                    for (int x = j * CELL; x < (j + 1) * CELL; x++) {
                        int o = (y * side + x) * 3;
                        px[o] = (byte) rgb[0];
                        px[o + 1] = (byte) rgb[1];
                        px[o + 2] = (byte) rgb[2];
                    }
                }
            }
        }
        return Image.rgb(side, side, px);
    }

    /** The viridis colour of {@code v} on {@code [min, max]}; grey for NaN, the middle when min equals max. */
    static int[] colour(double v, double min, double max) {
        if (!Double.isFinite(v)) {
            return new int[] {GREY, GREY, GREY};
        }
        double t = max > min ? (v - min) / (max - min) : 0.5;
        double pos = Math.min(Math.max(t, 0), 1) * (VIRIDIS.length - 1);
        int k = Math.min((int) pos, VIRIDIS.length - 2);
        double f = pos - k;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(VIRIDIS[k][c] + f * (VIRIDIS[k + 1][c] - VIRIDIS[k][c]));
        }
        return rgb;
    }

    /** A Markdown table of the matrix with 4 decimals, and the colour scale's ends. */
    static String table(List<String> modalities, double[][] graph) {
        StringBuilder md = new StringBuilder();
        md.append("| |");
        modalities.forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n|---|");
        modalities.forEach(name -> md.append("---|"));
        md.append('\n');
        for (int i = 0; i < modalities.size(); i++) {
            md.append("| **").append(modalities.get(i)).append("** |");
            for (int j = 0; j < modalities.size(); j++) {
                double v = graph[i][j];
                md.append(' ').append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "–").append(" |");
            }
            md.append('\n');
        }
        double[] range = finiteRange(graph);
        md.append(String.format(Locale.ROOT, "%nColours: dark purple = %.4f, yellow = %.4f (this step's extremes); grey = no weight.%n",
                range[0], range[1]));
        return md.toString();
    }

    private static double[] finiteRange(double[][] graph) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : graph) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {0, 0};
    }
}
