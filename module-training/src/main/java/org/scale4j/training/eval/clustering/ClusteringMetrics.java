package org.scale4j.training.eval.clustering;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * External clustering metrics against ground-truth classes, from the contingency table {@code n[i][j]} = rows of
 * class i in cluster j (N rows, class sizes a_i, cluster sizes b_j). Natural logarithms; the ratios do not depend on
 * the base.
 * <ul>
 *   <li><b>NMI</b> (arithmetic normalisation, scikit-learn's default):
 *       {@code MI / ((H(classes) + H(clusters)) / 2)}, with {@code MI = Σ n_ij/N · ln(N·n_ij / (a_i·b_j))} and
 *       {@code H = -Σ p ln p}. Two single-block partitions give 1 (they agree); otherwise a zero MI gives 0.</li>
 *   <li><b>Purity</b> (spec 3.5): {@code (1/N) Σ_j max_i n_ij}.</li>
 *   <li><b>ARI</b> (Hubert and Arabie 1985): {@code (Σ C(n_ij,2) - E) / ((Σ C(a_i,2) + Σ C(b_j,2))/2 - E)} with
 *       {@code E = Σ C(a_i,2)·Σ C(b_j,2) / C(N,2)}; 1 when the denominator is 0 (both partitions all-singletons or
 *       both one block, which agree).</li>
 * </ul>
 */
public final class ClusteringMetrics {

    private ClusteringMetrics() {
    }

    /** NMI, purity and ARI in that order, keyed {@code nmi}, {@code purity}, {@code ari}. */
    public static Map<String, Double> all(int[] classes, int[] clusters) {
        Contingency t = new Contingency(classes, clusters);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("nmi", t.nmi());
        m.put("purity", t.purity());
        m.put("ari", t.ari());
        return m;
    }

    /** Normalised mutual information (arithmetic mean normalisation). */
    public static double nmi(int[] classes, int[] clusters) {
        return new Contingency(classes, clusters).nmi();
    }

    /** Purity: the fraction of rows that belong to their cluster's majority class. */
    public static double purity(int[] classes, int[] clusters) {
        return new Contingency(classes, clusters).purity();
    }

    /** Adjusted Rand index. */
    public static double ari(int[] classes, int[] clusters) {
        return new Contingency(classes, clusters).ari();
    }

    /** The contingency table in sparse form plus marginals. */
    private static final class Contingency {
        private final long n;
        private final Map<Long, Long> cells = new HashMap<>();
        private final Map<Integer, Long> classSizes = new HashMap<>();
        private final Map<Integer, Long> clusterSizes = new HashMap<>();

        Contingency(int[] classes, int[] clusters) {
            if (classes.length != clusters.length) {
                throw new IllegalArgumentException(classes.length + " class labels but " + clusters.length
                        + " cluster assignments");
            }
            if (classes.length == 0) {
                throw new IllegalArgumentException("clustering metrics need at least one row");
            }
            n = classes.length;
            for (int i = 0; i < classes.length; i++) {
                cells.merge(((long) classes[i] << 32) | (clusters[i] & 0xffffffffL), 1L, Long::sum);
                classSizes.merge(classes[i], 1L, Long::sum);
                clusterSizes.merge(clusters[i], 1L, Long::sum);
            }
        }

        double nmi() {
            double hClass = entropy(classSizes);
            double hCluster = entropy(clusterSizes);
            if (classSizes.size() == 1 && clusterSizes.size() == 1) {
                return 1.0;
            }
            double mi = 0;
            for (Map.Entry<Long, Long> e : cells.entrySet()) {
                int cls = (int) (e.getKey() >> 32);
                int clu = (int) (long) e.getKey();
                double nij = e.getValue();
                mi += nij / n * Math.log(n * nij / ((double) classSizes.get(cls) * clusterSizes.get(clu)));
            }
            double denom = (hClass + hCluster) / 2;
            if (mi <= 0 || denom <= 0) {
                return 0.0;
            }
            return Math.min(1.0, mi / denom);
        }

        double purity() {
            Map<Integer, Long> majority = new HashMap<>();
            for (Map.Entry<Long, Long> e : cells.entrySet()) {
                int clu = (int) (long) e.getKey();
                majority.merge(clu, e.getValue(), Math::max);
            }
            long sum = 0;
            for (long v : majority.values()) {
                sum += v;
            }
            return (double) sum / n;
        }

        double ari() {
            double index = 0;
            for (long v : cells.values()) {
                index += pairs(v);
            }
            double a = 0;
            for (long v : classSizes.values()) {
                a += pairs(v);
            }
            double b = 0;
            for (long v : clusterSizes.values()) {
                b += pairs(v);
            }
            if (n < 2) {
                return 1.0; // one row: a single pair-free partition on both sides
            }
            double expected = a * b / pairs(n);
            double max = (a + b) / 2;
            if (max - expected == 0) {
                return 1.0;
            }
            return (index - expected) / (max - expected);
        }

        private double entropy(Map<Integer, Long> sizes) {
            double h = 0;
            for (long v : sizes.values()) {
                double p = (double) v / n;
                h -= p * Math.log(p);
            }
            return h;
        }

        private static double pairs(long v) {
            return v * (v - 1) / 2.0;
        }
    }
}
