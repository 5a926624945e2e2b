package org.scale4j.training.eval.clustering;

import org.scale4j.training.eval.FeatureMatrix;

/**
 * The best k-means run.
 *
 * @param assignments cluster per row, {@code [N]}, values in {@code [0, k)}
 * @param centroids {@code [k, D]}
 * @param inertia sum of squared distances of rows to their centroid
 * @param iterations Lloyd iterations of the winning restart
 * @param restart index of the winning restart
 */
public record KMeansResult(int[] assignments, FeatureMatrix centroids, double inertia, int iterations, int restart) {
}
