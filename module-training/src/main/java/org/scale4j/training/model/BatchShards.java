package org.scale4j.training.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;

/** Splits a global batch into contiguous shards along the batch axis. */
public final class BatchShards {

    private BatchShards() {
    }

    /**
     * Splits {@code batch} into {@code count} contiguous shards of near-equal size (the first
     * {@code B mod count} shards get one sample more). Each shard's tensors live in its own
     * sub-manager of the batch's manager; closing a shard frees only its slices.
     *
     * @throws IllegalArgumentException when {@code count} is not in {@code [1, B]}
     */
    public static List<Batch> split(Batch batch, int count) {
        Device device = batch.manager().getDevice();
        return split(batch, count, shard -> device);
    }

    /**
     * Like {@link #split(Batch, int)}, with shard {@code j}'s tensors moved to
     * {@code deviceOf.apply(j)} (data parallelism: each shard on its replica's device). A shard on
     * the batch's own device shares the batch's memory; on another device it is a copy.
     */
    public static List<Batch> split(Batch batch, int count, IntFunction<Device> deviceOf) {
        int size = batch.size();
        if (count < 1 || count > size) {
            throw new IllegalArgumentException("cannot split a batch of " + size + " samples into " + count
                    + " shards; use 1 to " + size);
        }
        List<Batch> shards = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < count; i++) {
            int to = from + size / count + (i < size % count ? 1 : 0);
            shards.add(slice(batch, from, to, deviceOf.apply(i)));
            from = to;
        }
        return shards;
    }

    /** Samples {@code [from, to)} of {@code batch} as a batch of its own. */
    public static Batch slice(Batch batch, int from, int to) {
        return slice(batch, from, to, batch.manager().getDevice());
    }

    /** Samples {@code [from, to)} of {@code batch} as a batch of its own on {@code device}. */
    public static Batch slice(Batch batch, int from, int to, Device device) {
        NDManager manager = batch.manager().newSubManager(device);
        // A tensor that appears under two keys (a feature collator's input and target) is sliced,
        // and moved to another device, once.
        Map<NDArray, NDArray> done = new IdentityHashMap<>();
        Function<NDArray, NDArray> rows = array -> array == null ? null
                : done.computeIfAbsent(array, a -> rows(a, from, to, manager));
        SortedMap<String, ModalityBatch> modalities = new TreeMap<>();
        for (var entry : batch.modalities().entrySet()) {
            ModalityBatch m = entry.getValue();
            modalities.put(entry.getKey(), new ModalityBatch(m.modality(), rows.apply(m.present()),
                    rows.apply(m.mask()), each(m.inputs(), rows), each(m.targets(), rows)));
        }
        return new Batch(batch.ids().subList(from, to), modalities, rows.apply(batch.category()),
                rows.apply(batch.productGroup()), manager);
    }

    private static Map<String, NDArray> each(Map<String, NDArray> arrays, Function<NDArray, NDArray> rows) {
        Map<String, NDArray> out = new TreeMap<>();
        arrays.forEach((key, value) -> out.put(key, rows.apply(value)));
        return out;
    }

    private static NDArray rows(NDArray array, int from, int to, NDManager manager) {
        NDArray slice = array.get(from + ":" + to);
        if (!slice.getDevice().equals(manager.getDevice())) {
            // toDevice attaches the copy to a sub-manager of the batch's; the shard's manager owns it
            NDArray moved = slice.toDevice(manager.getDevice(), false);
            slice.close();
            slice = moved;
        }
        slice.attach(manager);
        return slice;
    }
}
