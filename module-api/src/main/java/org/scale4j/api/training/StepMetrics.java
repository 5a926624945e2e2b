package org.scale4j.api.training;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one optimizer step measured, as host-side numbers.
 *
 * @param step the step number, starting at 1
 * @param scalars every named scalar of the step: {@code loss/total}, {@code loss/<objective>},
 *     {@code lr}, {@code grad_norm}, {@code samples_per_sec}, {@code weight/<modality>},
 *     {@code pair/<a>-<b>} and objective metrics
 */
public record StepMetrics(long step, SortedMap<String, Double> scalars) {

    public StepMetrics {
        scalars = Collections.unmodifiableSortedMap(new TreeMap<>(scalars));
    }
}
