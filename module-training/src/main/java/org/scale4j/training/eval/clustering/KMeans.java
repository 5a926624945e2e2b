package org.scale4j.training.eval.clustering;

import java.util.SplittableRandom;
import org.scale4j.training.eval.DotKernel;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Workers;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii 2007) and several seeded restarts.
 *
 * <p>Assignment uses {@code argmin_c ||c||² - 2 x·c} (the {@code ||x||²} term is the same for every c) with the
 * shared {@link DotKernel}, in parallel over row ranges; ties go to the lower cluster index. Centroids are
 * recomputed in double in row order. An empty cluster is moved to the row farthest from its centroid. A start stops
 * when no assignment changes or after {@code maxIterations}. Everything is a function of (data, config), so the
 * same seed gives the same clusters on any thread count.
 */
public final class KMeans {

    private static final int ROWS_PER_TASK = 256;

    private KMeans() {
    }

    /** Clusters the rows of {@code x [N, D]}; needs {@code N >= k}. */
    public static KMeansResult fit(FeatureMatrix x, KMeansConfig config) {
        int n = x.rows();
        int k = config.k();
        if (n < k) {
            throw new IllegalArgumentException("k-means needs at least k = " + k + " rows, got " + n);
        }
        x.requireFinite("clustering features");
        KMeansResult best = null;
        try (Workers workers = new Workers(config.threads())) {
            for (int r = 0; r < config.restarts(); r++) {
                SplittableRandom rng = new SplittableRandom(config.seed() ^ (0x9E3779B97F4A7C15L * (r + 1)));
                KMeansResult res = lloyd(x, seedPlusPlus(x, k, rng), config.maxIterations(), workers, r);
                if (best == null || res.inertia() < best.inertia()) {
                    best = res;
                }
            }
        }
        return best;
    }

    /** k-means++: first centre uniform, each next one sampled with probability proportional to D(x)². */
    static FeatureMatrix seedPlusPlus(FeatureMatrix x, int k, SplittableRandom rng) {
        int n = x.rows();
        int d = x.dim();
        FeatureMatrix centres = FeatureMatrix.zeros(k, d);
        double[] dist = new double[n];
        int first = rng.nextInt(n);
        System.arraycopy(x.data(), first * d, centres.data(), 0, d);
        double total = 0;
        for (int i = 0; i < n; i++) {
            dist[i] = squaredDistance(x.data(), i * d, centres.data(), 0, d);
            total += dist[i];
        }
        for (int c = 1; c < k; c++) {
            int pick;
            if (total <= 0) {
                pick = rng.nextInt(n); // all rows coincide with chosen centres
            } else {
                double u = rng.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += dist[i];
                    if (acc > u) {
                        pick = i;
                        break;
                    }
                }
            }
            System.arraycopy(x.data(), pick * d, centres.data(), c * d, d);
            total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], squaredDistance(x.data(), i * d, centres.data(), c * d, d));
                total += dist[i];
            }
        }
        return centres;
    }

    private static KMeansResult lloyd(FeatureMatrix x, FeatureMatrix centres, int maxIterations, Workers workers,
            int restart) {
        int n = x.rows();
        int d = x.dim();
        int k = centres.rows();
        int[] assign = new int[n];
        java.util.Arrays.fill(assign, -1);
        float[] cNorm = new float[k];
        int it = 0;
        while (true) {
            it++;
            boolean changed = assignNearest(x, centres, cNorm, assign, workers);
            // Stop before updating at the last iteration, so the assignments always match the centres returned.
            if (!changed || it >= maxIterations) {
                break;
            }
            updateCentres(x, assign, centres);
        }
        return new KMeansResult(assign, centres, inertia(x, assign, centres), it, restart);
    }

    /** Assigns every row to its nearest centre; returns whether any assignment changed. */
    private static boolean assignNearest(FeatureMatrix x, FeatureMatrix centres, float[] cNorm, int[] assign,
            Workers workers) {
        int n = x.rows();
        int d = x.dim();
        int k = centres.rows();
        for (int c = 0; c < k; c++) {
            cNorm[c] = DotKernel.dot(centres.data(), c * d, centres.data(), c * d, d);
        }
        boolean[] changedInRange = new boolean[(n + ROWS_PER_TASK - 1) / ROWS_PER_TASK];
        workers.forRanges(n, ROWS_PER_TASK, (s, e) -> {
            float[] scores = new float[(e - s) * k];
            DotKernel.tile(x, s, e - s, centres, 0, k, scores, 0, k);
            boolean changed = false;
            for (int i = s; i < e; i++) {
                int o = (i - s) * k;
                int best = 0;
                float bestV = cNorm[0] - 2f * scores[o];
                for (int c = 1; c < k; c++) {
                    float v = cNorm[c] - 2f * scores[o + c];
                    if (v < bestV) {
                        bestV = v;
                        best = c;
                    }
                }
                if (assign[i] != best) {
                    assign[i] = best;
                    changed = true;
                }
            }
            changedInRange[s / ROWS_PER_TASK] = changed;
        });
        boolean changed = false;
        for (boolean b : changedInRange) {
            changed |= b;
        }
        return changed;
    }

    /** Mean of each cluster's rows; an empty cluster takes the row farthest from its current centroid. */
    private static void updateCentres(FeatureMatrix x, int[] assign, FeatureMatrix centres) {
        int n = x.rows();
        int d = x.dim();
        int k = centres.rows();
        double[] sum = new double[k * d];
        int[] count = new int[k];
        float[] v = x.data();
        for (int i = 0; i < n; i++) {
            int o = assign[i] * d;
            int xo = i * d;
            count[assign[i]]++;
            for (int j = 0; j < d; j++) {
                sum[o + j] += v[xo + j];
            }
        }
        float[] cd = centres.data();
        boolean[] taken = new boolean[n];
        for (int c = 0; c < k; c++) {
            if (count[c] > 0) {
                for (int j = 0; j < d; j++) {
                    cd[c * d + j] = (float) (sum[c * d + j] / count[c]);
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                int far = -1;
                double farDist = -1;
                for (int i = 0; i < n; i++) {
                    if (taken[i]) {
                        continue;
                    }
                    double dist = squaredDistance(v, i * d, cd, assign[i] * d, d);
                    if (dist > farDist) {
                        farDist = dist;
                        far = i;
                    }
                }
                taken[far] = true;
                System.arraycopy(v, far * d, cd, c * d, d);
            }
        }
    }

    private static double inertia(FeatureMatrix x, int[] assign, FeatureMatrix centres) {
        double s = 0;
        int d = x.dim();
        for (int i = 0; i < x.rows(); i++) {
            s += squaredDistance(x.data(), i * d, centres.data(), assign[i] * d, d);
        }
        return s;
    }

    private static double squaredDistance(float[] a, int ao, float[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double e = (double) a[ao + j] - b[bo + j];
            s += e * e;
        }
        return s;
    }
}
