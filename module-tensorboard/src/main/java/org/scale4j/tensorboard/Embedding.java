package org.scale4j.tensorboard;

import java.util.List;
import java.util.Objects;

/**
 * Points for TensorBoard's embedding projector, written by {@link EventWriter#addEmbedding}.
 *
 * <p>Metadata follows the projector's rule: with one column, {@code metadata.tsv} has no header
 * line; with two or more, its first line is the header. Either way there is one metadata row per
 * vector. Tabs and line breaks inside metadata values are replaced by spaces (they would split the
 * TSV). Sprites are optional thumbnails, one per vector, all of the same size; the projector shows
 * them instead of dots.
 *
 * @param tag the embedding's name in the projector, e.g. {@code fused/text}; not blank
 * @param vectors {@code [N, D]} points, N &ge; 1 and D &ge; 1; copied
 * @param metadataHeader column names; empty for no metadata
 * @param metadataRows {@code N} rows of {@code metadataHeader.size()} values; empty for no metadata
 * @param sprites {@code N} thumbnails of one size, or empty
 */
public record Embedding(String tag, float[][] vectors, List<String> metadataHeader,
        List<List<String>> metadataRows, List<Image> sprites) {

    /** The largest sprite sheet the projector loads, per side. */
    public static final int MAX_SPRITE_SIDE = 8192;

    public Embedding {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("embedding tag must not be blank");
        }
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.length == 0 || vectors[0] == null || vectors[0].length == 0) {
            throw new IllegalArgumentException("embedding '" + tag + "' needs at least one non-empty vector");
        }
        float[][] copy = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null || vectors[i].length != vectors[0].length) {
                throw new IllegalArgumentException("embedding '" + tag + "': vector " + i + " has "
                        + (vectors[i] == null ? "no values" : vectors[i].length + " values")
                        + ", vector 0 has " + vectors[0].length);
            }
            copy[i] = vectors[i].clone();
        }
        vectors = copy;
        metadataHeader = List.copyOf(metadataHeader);
        metadataRows = metadataRows.stream().map(List::copyOf).toList();
        sprites = List.copyOf(sprites);
        checkMetadata(tag, vectors.length, metadataHeader, metadataRows);
        checkSprites(tag, vectors.length, sprites);
    }

    /** Points without metadata or sprites. */
    public static Embedding of(String tag, float[][] vectors) {
        return new Embedding(tag, vectors, List.of(), List.of(), List.of());
    }

    /** This embedding with metadata columns. */
    public Embedding withMetadata(List<String> header, List<List<String>> rows) {
        return new Embedding(tag, vectors, header, rows, sprites);
    }

    /** This embedding with one thumbnail per vector. */
    public Embedding withSprites(List<Image> thumbnails) {
        return new Embedding(tag, vectors, metadataHeader, metadataRows, thumbnails);
    }

    /** A deep copy of the vectors. */
    @Override
    public float[][] vectors() {
        float[][] copy = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }

    /** The vectors without a copy, for the writer in this module. */
    float[][] vectorsUnsafe() {
        return vectors;
    }

    private static void checkMetadata(String tag, int n, List<String> header, List<List<String>> rows) {
        if (header.isEmpty() && rows.isEmpty()) {
            return;
        }
        if (header.isEmpty()) {
            throw new IllegalArgumentException("embedding '" + tag + "': metadata rows need a header naming the columns");
        }
        if (rows.size() != n) {
            throw new IllegalArgumentException("embedding '" + tag + "': " + rows.size()
                    + " metadata rows for " + n + " vectors; the projector needs one row per vector");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new IllegalArgumentException("embedding '" + tag + "': metadata row " + i + " has "
                        + rows.get(i).size() + " values, the header " + header + " has " + header.size());
            }
        }
    }

    private static void checkSprites(String tag, int n, List<Image> sprites) {
        if (sprites.isEmpty()) {
            return;
        }
        if (sprites.size() != n) {
            throw new IllegalArgumentException("embedding '" + tag + "': " + sprites.size()
                    + " sprite images for " + n + " vectors; give one per vector or none");
        }
        Image first = sprites.get(0);
        for (int i = 1; i < sprites.size(); i++) {
            Image s = sprites.get(i);
            if (s.width() != first.width() || s.height() != first.height() || s.channels() != first.channels()) {
                throw new IllegalArgumentException("embedding '" + tag + "': sprite " + i + " is " + s
                        + ", sprite 0 is " + first + "; all sprites must have one size and channel count");
            }
        }
        int side = spriteGridSide(n);
        if ((long) side * Math.max(first.width(), first.height()) > MAX_SPRITE_SIDE) {
            throw new IllegalArgumentException("embedding '" + tag + "': " + n + " sprites of " + first.width()
                    + "x" + first.height() + " make a sheet wider than " + MAX_SPRITE_SIDE
                    + " pixels, which the projector cannot load; use smaller thumbnails or fewer points");
        }
    }

    /** Sprites are laid out on a square grid of this many cells per side. */
    static int spriteGridSide(int n) {
        int side = (int) Math.ceil(Math.sqrt(n));
        return side * side < n ? side + 1 : side;
    }
}
