package org.scale4j.api.objective;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of one objective on one batch.
 *
 * @param loss a scalar; exactly 0 (never NaN) when no sample in the batch could contribute
 * @param metrics named scalars to log beside the loss, e.g. {@code acc/text-image}
 * @param skipped parts that contributed nothing in this batch, e.g. {@code pair text-video: no
 *     sample has both}; reported once per step by the trainer
 */
public record ObjectiveOutput(NDArray loss, SortedMap<String, NDArray> metrics, List<String> skipped) {

    public ObjectiveOutput {
        Objects.requireNonNull(loss, "loss");
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        skipped = List.copyOf(skipped);
    }
}
