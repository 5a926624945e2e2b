package org.scale4j.training.eval.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.training.eval.FeatureMatrix;

class KMeansTest {

    /** {@code k} Gaussian blobs of {@code per} points in {@code dim} dimensions, centres 20 apart, sigma 1. */
    private static FeatureMatrix blobs(int k, int per, int dim, int[] labels, long seed) {
        Random rnd = new Random(seed);
        float[][] centres = new float[k][dim];
        for (int c = 0; c < k; c++) {
            centres[c][c % dim] = 20f * (1 + c / dim);
        }
        float[] d = new float[k * per * dim];
        for (int i = 0; i < k * per; i++) {
            int c = i % k; // interleaved, so clusters are not contiguous runs
            labels[i] = c;
            for (int j = 0; j < dim; j++) {
                d[i * dim + j] = centres[c][j] + (float) rnd.nextGaussian();
            }
        }
        return new FeatureMatrix(d, k * per, dim);
    }

    @Test
    void recoversWellSeparatedBlobs() {
        int[] labels = new int[6 * 80];
        FeatureMatrix x = blobs(6, 80, 8, labels, 1);
        KMeansResult r = KMeans.fit(x, new KMeansConfig(6, 5, 100, 123, 2));
        double nmi = ClusteringMetrics.nmi(labels, r.assignments());
        assertTrue(nmi > 0.99, "NMI " + nmi);
        assertEquals(1.0, ClusteringMetrics.purity(labels, r.assignments()), 1e-12);
        // Each blob has 80 points with unit variance in 8 dims: inertia is about 6*80*8 = 3840.
        assertTrue(r.inertia() > 3000 && r.inertia() < 4700, "inertia " + r.inertia());
    }

    @Test
    void sameSeedSameClustersOnAnyThreadCount() {
        int[] labels = new int[5 * 60];
        // k = 7 for 5 blobs: the split of the extra clusters depends on the k-means++ draws, so a run that were
        // not a pure function of (data, seed) would show it here.
        FeatureMatrix x = blobs(5, 60, 3, labels, 2);
        KMeansResult a = KMeans.fit(x, new KMeansConfig(7, 3, 50, 99, 1));
        KMeansResult b = KMeans.fit(x, new KMeansConfig(7, 3, 50, 99, 2));
        KMeansResult c = KMeans.fit(x, new KMeansConfig(7, 3, 50, 99, 1));
        assertArrayEquals(a.assignments(), b.assignments());
        assertArrayEquals(a.centroids().data(), b.centroids().data());
        assertEquals(a.inertia(), b.inertia(), 0.0);
        assertArrayEquals(a.assignments(), c.assignments());
        assertEquals(a.restart(), c.restart());
    }

    @Test
    void handCaseTwoPairs() {
        // Points 0, 1 on the left and 10, 11 on the right: k = 2 must split them {0,1} | {10,11};
        // centroids 0.5 and 10.5; inertia = 4 * 0.25 = 1.
        FeatureMatrix x = FeatureMatrix.of(new float[][] {{0}, {10}, {1}, {11}});
        KMeansResult r = KMeans.fit(x, new KMeansConfig(2, 3, 20, 7, 1));
        int[] a = r.assignments();
        assertEquals(a[0], a[2]);
        assertEquals(a[1], a[3]);
        assertTrue(a[0] != a[1]);
        assertEquals(1.0, r.inertia(), 1e-9);
        assertEquals(0.5f, r.centroids().get(a[0], 0), 1e-6f);
        assertEquals(10.5f, r.centroids().get(a[1], 0), 1e-6f);
    }

    @Test
    void needsAtLeastKRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(FeatureMatrix.of(new float[][] {{1}, {2}}), KMeansConfig.of(3, 1)));
        assertEquals("k-means needs at least k = 3 rows, got 2", e.getMessage());
    }
}
