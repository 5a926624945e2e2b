package org.scale4j.training.loop;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The loss of one batch.
 *
 * @param total the scalar to back-propagate
 * @param scalars named scalar tensors to log: {@code loss/<objective>} and objective metrics
 * @param hostScalars named scalars already on the host: {@code weight/<modality>},
 *     {@code pair/<a>-<b>}
 * @param skipped parts that contributed nothing in this batch, with the reason
 */
public record StepLoss(
        NDArray total, SortedMap<String, NDArray> scalars, SortedMap<String, Double> hostScalars, List<String> skipped) {

    public StepLoss {
        scalars = Collections.unmodifiableSortedMap(new TreeMap<>(scalars));
        hostScalars = Collections.unmodifiableSortedMap(new TreeMap<>(hostScalars));
        skipped = List.copyOf(skipped);
    }
}
