package org.scale4j.training.eval.retrieval;

/**
 * The top-k gallery rows for every query, best first.
 *
 * <p>Entry {@code (q, r)} (rank {@code r}, 0-based) is at {@code q*width + r} in {@link #indices()} and
 * {@link #scores()}. Order: higher score first; equal scores by lower gallery index first (the order Python's
 * {@code heapq.nlargest} gives, which the released script uses).
 *
 * @param queries number of queries
 * @param width entries per query, {@code min(k, galleryRows)}
 * @param indices gallery row indices, {@code [queries*width]}
 * @param scores the matching scores, {@code [queries*width]}
 */
public record TopK(int queries, int width, int[] indices, float[] scores) {

    /** Gallery index at rank {@code r} (0-based) for query {@code q}. */
    public int index(int q, int r) {
        return indices[q * width + r];
    }

    /** Score at rank {@code r} (0-based) for query {@code q}. */
    public float score(int q, int r) {
        return scores[q * width + r];
    }
}
