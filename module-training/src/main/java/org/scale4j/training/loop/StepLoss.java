package org.scale4j.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.nn.Scalars;

/**
 * The loss of one batch.
 *
 * @param total the scalar to back-propagate
 * @param scalars named scalar tensors to log: {@code loss/<objective>} and objective metrics
 * @param hostScalars named scalars already on the host: {@code weight/<modality>},
 *     {@code pair/<a>-<b>}
 * @param skipped parts that contributed nothing in this batch, with the reason
 * @param backward back-propagates a target (the total, possibly scaled) through the whole forward
 *     pass, replicas included
 */
public record StepLoss(
        NDArray total, SortedMap<String, NDArray> scalars, SortedMap<String, Double> hostScalars, List<String> skipped,
        Backward backward) {

    /** How a loss back-propagates: on one device a plain {@code collector.backward(target)}. */
    @FunctionalInterface
    public interface Backward {
        void run(GradientCollector collector, NDArray target);
    }

    public StepLoss {
        scalars = Collections.unmodifiableSortedMap(new TreeMap<>(scalars));
        hostScalars = Collections.unmodifiableSortedMap(new TreeMap<>(hostScalars));
        skipped = List.copyOf(skipped);
    }

    /**
     * Back-propagates {@code total / accumulation} (one of {@code accumulation} batches summed into
     * one step) into every parameter the forward pass read, replica copies included.
     */
    public void backward(GradientCollector collector, int accumulation) {
        backward.run(collector, accumulation > 1 ? Scalars.div(total, accumulation) : total);
    }
}
