package org.scale4j.training.eval.bench;

import org.scale4j.training.eval.DotKernel;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Workers;

/**
 * The benchmark's reference: the full score matrix {@code S = A · Bᵀ} ({@code [N, M]}) in one large matmul, as the
 * released script computes it ({@code query_feature_np.dot(gallery_feature_np.T)}).
 *
 * <p>It uses the same {@link DotKernel#tile} as the blocked retrieval and the same cache blocking (row blocks of A
 * as parallel tasks, column blocks of B as tiles), so the two differ only in what happens to each tile: stored here,
 * offered to per-query top-k heaps there.
 */
final class BlockedMatmul {

    private BlockedMatmul() {
    }

    /** Writes {@code out[i*M + j] = a_i · b_j}; {@code out} must hold {@code N*M} floats. */
    static void multiplyTransposed(FeatureMatrix a, FeatureMatrix b, float[] out, int blockRows, int blockCols,
            int threads) {
        int n = a.rows();
        int m = b.rows();
        try (Workers workers = new Workers(threads)) {
            workers.forRanges(n, blockRows, (r0, r1) -> {
                for (int c0 = 0; c0 < m; c0 += blockCols) {
                    int cols = Math.min(blockCols, m - c0);
                    DotKernel.tile(a, r0, r1 - r0, b, c0, cols, out, r0 * m + c0, m);
                }
            });
        }
    }
}
