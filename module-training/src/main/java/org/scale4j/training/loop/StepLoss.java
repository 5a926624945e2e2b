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
 * @param scalars every named scalar to log: {@code loss/<objective>}, objective metrics,
 *     {@code weight/<modality>}, {@code pair/<a>-<b>}
 * @param skipped parts that contributed nothing in this batch, with the reason
 */
public record StepLoss(NDArray total, SortedMap<String, NDArray> scalars, List<String> skipped) {

    public StepLoss {
        scalars = Collections.unmodifiableSortedMap(new TreeMap<>(scalars));
        skipped = List.copyOf(skipped);
    }
}
