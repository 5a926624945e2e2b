package org.scale4j.training.eval.clustering;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of k-means.
 *
 * @param k number of clusters, {@code >= 1} (the evaluation uses the number of ground-truth classes)
 * @param restarts independent k-means++ starts; the lowest inertia wins (default 10)
 * @param maxIterations Lloyd iterations per start (default 300)
 * @param seed seed of the k-means++ sampling; restart r uses a stream derived from (seed, r)
 * @param threads worker threads for the assignment step (default: available processors)
 */
public record KMeansConfig(int k, int restarts, int maxIterations, long seed, int threads) {

    public KMeansConfig {
        if (k < 1 || restarts < 1 || maxIterations < 1 || threads < 1) {
            throw new IllegalArgumentException("k, restarts, maxIterations and threads must be >= 1, got " + k + ", "
                    + restarts + ", " + maxIterations + ", " + threads);
        }
    }

    /** k clusters with the defaults above. */
    public static KMeansConfig of(int k, long seed) {
        return new KMeansConfig(k, 10, 300, seed, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another thread count. */
    public KMeansConfig withThreads(int n) {
        return new KMeansConfig(k, restarts, maxIterations, seed, n);
    }

    /** A copy with another number of restarts. */
    public KMeansConfig withRestarts(int n) {
        return new KMeansConfig(k, n, maxIterations, seed, threads);
    }

    /** The settings for a report (threads do not change the result). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kmeans-k", Integer.toString(k));
        m.put("kmeans-restarts", Integer.toString(restarts));
        m.put("kmeans-max-iterations", Integer.toString(maxIterations));
        m.put("kmeans-seed", Long.toString(seed));
        return m;
    }
}
