package org.scale4j.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.training.parallel.DeviceBoundary;

/**
 * The loss of one (global) batch and everything to log beside it. All tensors are scalars in the
 * batch's manager; the harmonizer summaries are host values.
 *
 * @param total the recipe-weighted sum of the objective losses (differentiable)
 * @param losses each objective's unweighted loss by objective key (e.g. {@code simcl}, {@code mlm})
 * @param metrics every objective metric as {@code <objective>/<metric>}, e.g. {@code simcl/acc/image-text}
 * @param weights harmonizer summaries as {@code weight/<m>} (mean task weight of modality
 *     {@code m} over the samples that have it) and {@code pair/<a>-<b>} (mean contrastive pair
 *     weight over the samples that have both)
 * @param skipped parts that contributed nothing in this batch, with the reason
 * @param boundaries where replicas' outputs joined the primary's graph (empty on one device);
 *     {@link #backward} finishes the backward pass through them
 */
public record LossResult(
        NDArray total,
        SortedMap<String, NDArray> losses,
        SortedMap<String, NDArray> metrics,
        SortedMap<String, Double> weights,
        List<String> skipped,
        List<DeviceBoundary> boundaries) {

    public LossResult {
        losses = Collections.unmodifiableSortedMap(new TreeMap<>(losses));
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
        skipped = List.copyOf(skipped);
        boundaries = List.copyOf(boundaries);
    }

    /**
     * Back-propagates {@code target} (the total, possibly scaled) and then, through every device
     * boundary, the replicas' graphs: afterwards each parameter copy holds its share of the
     * gradient (see {@code ReplicaSet.reduceGradients}). Call inside the collector of this loss.
     */
    public void backward(GradientCollector collector, NDArray target) {
        collector.backward(target);
        for (DeviceBoundary boundary : boundaries) {
            boundary.backward(collector);
        }
    }
}
