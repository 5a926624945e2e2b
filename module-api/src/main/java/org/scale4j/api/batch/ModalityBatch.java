package org.scale4j.api.batch;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Objects;

/**
 * One modality's tensors for a batch of {@code B} samples.
 *
 * @param modality the modality name
 * @param present {@code [B]} float32, 1 where the sample has this modality and 0 where it is missing
 * @param mask {@code [B,T]} float32 key mask, 1 for real positions (summary token included), 0 for
 *     padding and for every position of a missing modality
 * @param inputs the encoder inputs by {@link TensorKeys} name
 * @param targets the masked-modelling targets by {@link TensorKeys} name (empty without masking)
 */
public record ModalityBatch(
        String modality, NDArray present, NDArray mask, Map<String, NDArray> inputs, Map<String, NDArray> targets) {

    public ModalityBatch {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(present, "present");
        Objects.requireNonNull(mask, "mask");
        inputs = Map.copyOf(inputs);
        targets = Map.copyOf(targets);
    }

    /** The input tensor {@code key}; fails with the known keys when it is absent. */
    public NDArray input(String key) {
        return require(inputs, key, "input");
    }

    /** The target tensor {@code key}; fails with the known keys when it is absent. */
    public NDArray target(String key) {
        return require(targets, key, "target");
    }

    private NDArray require(Map<String, NDArray> map, String key, String what) {
        NDArray value = map.get(key);
        if (value == null) {
            throw new IllegalStateException(
                    "modality " + modality + " has no " + what + " '" + key + "'; it has " + map.keySet()
                            + (what.equals("target") ? " (did the objective request masking for it?)" : ""));
        }
        return value;
    }
}
