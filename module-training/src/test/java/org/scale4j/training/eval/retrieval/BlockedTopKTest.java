package org.scale4j.training.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.training.eval.DotKernel;
import org.scale4j.training.eval.FeatureMatrix;

/** The blocked, threaded top-k must equal a brute-force stable sort of every full score row. */
class BlockedTopKTest {

    private static FeatureMatrix random(Random rnd, int rows, int dim, boolean smallIntegers) {
        float[] d = new float[rows * dim];
        for (int i = 0; i < d.length; i++) {
            d[i] = smallIntegers ? rnd.nextInt(3) - 1 : (float) rnd.nextGaussian();
        }
        return new FeatureMatrix(d, rows, dim);
    }

    /** Full score row with the reference dot, then a stable sort by score descending (ties: lower index). */
    private static TopK bruteForce(FeatureMatrix q, FeatureMatrix g, int k) {
        int width = Math.min(k, g.rows());
        int[] idx = new int[q.rows() * width];
        float[] sc = new float[q.rows() * width];
        for (int i = 0; i < q.rows(); i++) {
            float[] s = new float[g.rows()];
            Integer[] order = new Integer[g.rows()];
            for (int j = 0; j < g.rows(); j++) {
                s[j] = DotKernel.dot(q.data(), q.offset(i), g.data(), g.offset(j), q.dim());
                order[j] = j;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -s[j]));
            for (int r = 0; r < width; r++) {
                idx[i * width + r] = order[r];
                sc[i * width + r] = s[order[r]];
            }
        }
        return new TopK(q.rows(), width, idx, sc);
    }

    private static void assertSame(TopK expected, TopK actual) {
        assertEquals(expected.width(), actual.width());
        assertArrayEquals(expected.indices(), actual.indices());
        assertArrayEquals(expected.scores(), actual.scores());
    }

    @Test
    void equalsBruteForceForAnyBlockingAndThreads() {
        Random rnd = new Random(42);
        FeatureMatrix q = random(rnd, 97, 37, false);
        FeatureMatrix g = random(rnd, 1003, 37, false);
        TopK expected = bruteForce(q, g, 11);
        int[][] blocks = {{1, 1}, {7, 13}, {4, 3}, {64, 256}, {200, 5000}};
        for (int[] b : blocks) {
            for (int threads : new int[] {1, 3}) {
                assertSame(expected, BlockedTopK.search(q, g, 11, b[0], b[1], threads));
            }
        }
    }

    @Test
    void tiesGoToTheLowerGalleryIndex() {
        // Entries in {-1, 0, 1} with dim 3: only 7 distinct scores, so most of the top-k are ties.
        Random rnd = new Random(5);
        FeatureMatrix q = random(rnd, 41, 3, true);
        FeatureMatrix g = random(rnd, 500, 3, true);
        TopK expected = bruteForce(q, g, 10);
        assertSame(expected, BlockedTopK.search(q, g, 10, 8, 33, 2));
        assertSame(expected, BlockedTopK.search(q, g, 10, 41, 500, 1));
        // The first query's ties are in increasing gallery index.
        TopK t = BlockedTopK.search(q, g, 10, 8, 33, 2);
        for (int r = 1; r < 10; r++) {
            if (t.score(0, r) == t.score(0, r - 1)) {
                assertEquals(true, t.index(0, r) > t.index(0, r - 1));
            }
        }
    }

    @Test
    void kLargerThanTheGallery() {
        FeatureMatrix g = FeatureMatrix.of(new float[][] {{1}, {3}, {2}});
        FeatureMatrix q = FeatureMatrix.of(new float[][] {{1}, {-1}});
        TopK t = BlockedTopK.search(q, g, 10, 2, 2, 1);
        assertEquals(3, t.width());
        assertArrayEquals(new int[] {1, 2, 0, 0, 2, 1}, t.indices());
        assertArrayEquals(new float[] {3, 2, 1, -1, -2, -3}, t.scores());
    }
}
