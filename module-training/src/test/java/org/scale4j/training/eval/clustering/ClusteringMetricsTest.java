package org.scale4j.training.eval.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {

    private static final double EPS = 1e-12;

    /*
     * classes  = 0 0 0 1 1 1,  clusters = 0 0 1 1 2 2   (N = 6)
     * contingency: class 0 -> cluster 0: 2, cluster 1: 1;  class 1 -> cluster 1: 1, cluster 2: 2
     * class sizes a = (3, 3), cluster sizes b = (2, 2, 2).
     *
     * Purity = (2 + 1 + 2) / 6 = 5/6 = 0.833333...
     *
     * MI = Σ n_ij/N ln(N n_ij / (a_i b_j))
     *    = 2/6 ln(12/6) + 1/6 ln(6/6) + 1/6 ln(6/6) + 2/6 ln(12/6) = (2/3) ln 2 = 0.462098...
     * H(classes) = ln 2 = 0.693147..., H(clusters) = ln 3 = 1.098612...
     * NMI = MI / ((ln 2 + ln 3)/2) = 0.462098 / 0.895880 = 0.515803...
     *
     * ARI: Σ C(n_ij,2) = 1 + 0 + 0 + 1 = 2;  Σ C(a_i,2) = 3 + 3 = 6;  Σ C(b_j,2) = 1 + 1 + 1 = 3;  C(6,2) = 15
     *      E = 6*3/15 = 1.2;  max = (6 + 3)/2 = 4.5;  ARI = (2 - 1.2)/(4.5 - 1.2) = 0.8/3.3 = 0.242424...
     */
    @Test
    void handCase() {
        int[] classes = {0, 0, 0, 1, 1, 1};
        int[] clusters = {0, 0, 1, 1, 2, 2};
        assertEquals(5.0 / 6, ClusteringMetrics.purity(classes, clusters), EPS);
        double nmi = (2.0 / 3 * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2);
        assertEquals(nmi, ClusteringMetrics.nmi(classes, clusters), EPS);
        assertEquals(0.5158037429793888, ClusteringMetrics.nmi(classes, clusters), EPS);
        assertEquals(0.8 / 3.3, ClusteringMetrics.ari(classes, clusters), EPS);
        Map<String, Double> all = ClusteringMetrics.all(classes, clusters);
        assertEquals(List.of("nmi", "purity", "ari"), List.copyOf(all.keySet()));
    }

    /*
     * classes = 0 0 1 1, clusters = 0 1 0 1: independent partitions.
     * MI = 4 * (1/4) ln(4*1/(2*2)) = 0 -> NMI 0.  Purity = (1 + 1)/4 = 1/2.
     * ARI: Σ C(n_ij,2) = 0, Σ C(a,2) = 2, Σ C(b,2) = 2, C(4,2) = 6: E = 4/6; ARI = (0 - 2/3)/(2 - 2/3) = -1/2.
     */
    @Test
    void independentPartitions() {
        int[] classes = {0, 0, 1, 1};
        int[] clusters = {0, 1, 0, 1};
        assertEquals(0.0, ClusteringMetrics.nmi(classes, clusters), EPS);
        assertEquals(0.5, ClusteringMetrics.purity(classes, clusters), EPS);
        assertEquals(-0.5, ClusteringMetrics.ari(classes, clusters), EPS);
    }

    @Test
    void relabelledPerfectClusteringScoresOne() {
        int[] classes = {3, 3, 7, 7, 7, 1};
        int[] clusters = {9, 9, 0, 0, 0, 5};
        assertEquals(1.0, ClusteringMetrics.nmi(classes, clusters), EPS);
        assertEquals(1.0, ClusteringMetrics.purity(classes, clusters), EPS);
        assertEquals(1.0, ClusteringMetrics.ari(classes, clusters), EPS);
    }

    @Test
    void degeneratePartitions() {
        // One block on both sides agrees: NMI 1, ARI 1 (0/0 cases defined as agreement, like scikit-learn).
        assertEquals(1.0, ClusteringMetrics.nmi(new int[] {0, 0, 0}, new int[] {4, 4, 4}), EPS);
        assertEquals(1.0, ClusteringMetrics.ari(new int[] {0, 0, 0}, new int[] {4, 4, 4}), EPS);
        // All singletons on both sides agree as well.
        assertEquals(1.0, ClusteringMetrics.ari(new int[] {0, 1, 2}, new int[] {2, 0, 1}), EPS);
        // One cluster for two classes: no information. NMI 0; purity = majority 2/3.
        assertEquals(0.0, ClusteringMetrics.nmi(new int[] {0, 0, 1}, new int[] {0, 0, 0}), EPS);
        assertEquals(2.0 / 3, ClusteringMetrics.purity(new int[] {0, 0, 1}, new int[] {0, 0, 0}), EPS);
        assertEquals(0.0, ClusteringMetrics.ari(new int[] {0, 0, 1}, new int[] {0, 0, 0}), EPS);
    }

    @Test
    void rejectsMismatchedLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusteringMetrics.nmi(new int[] {0, 1}, new int[] {0}));
        assertEquals("2 class labels but 1 cluster assignments", e.getMessage());
    }
}
