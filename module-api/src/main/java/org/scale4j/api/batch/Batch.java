package org.scale4j.api.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A collated batch: per-modality tensors plus ids and evaluation labels. Closing the batch frees
 * every tensor in it.
 *
 * @param ids the product ids, in batch order
 * @param modalities the modalities by name, sorted by name
 * @param category {@code [B]} int64 coarse category, -1 where unknown; {@code null} if the dataset
 *     has no category column
 * @param productGroup {@code [B]} int64 same-product group, -1 where unknown; {@code null} if absent
 * @param manager the manager that owns every tensor of this batch
 */
public record Batch(
        List<String> ids,
        SortedMap<String, ModalityBatch> modalities,
        NDArray category,
        NDArray productGroup,
        NDManager manager) implements AutoCloseable {

    public Batch {
        ids = List.copyOf(ids);
        modalities = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(modalities));
        Objects.requireNonNull(manager, "manager");
    }

    /** The number of samples {@code B}. */
    public int size() {
        return ids.size();
    }

    /** The named modality; fails with the known names when it is absent. */
    public ModalityBatch modality(String name) {
        ModalityBatch batch = modalities.get(name);
        if (batch == null) {
            throw new IllegalStateException("batch has no modality '" + name + "'; it has " + modalities.keySet());
        }
        return batch;
    }

    @Override
    public void close() {
        manager.close();
    }
}
