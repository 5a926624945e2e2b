/**
 * Clustering evaluation (spec 3.5): seeded k-means++ with restarts ({@link
 * org.scale4j.training.eval.clustering.KMeans}) and the external metrics NMI, purity and ARI ({@link
 * org.scale4j.training.eval.clustering.ClusteringMetrics}).
 */
package org.scale4j.training.eval.clustering;
