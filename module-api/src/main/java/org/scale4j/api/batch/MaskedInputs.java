package org.scale4j.api.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Forms a modality's masked feature input on the batch's own device: the rows flagged in
 * {@link TensorKeys#DROPPED} of {@link TensorKeys#FEATS} become zero.
 *
 * <p>Why here and not in the loader: the unmasked features are both the target and, but for the
 * dropped rows, the input. Written once by the loader and masked by one tensor op where the model
 * runs, the loader moves each feature byte once (half the host memory traffic of a second, masked
 * copy of a paper batch) and a GPU run sends one feature tensor over the bus instead of two. The
 * model applies this to every modality before its encoder ({@code ScaleModel.forwardShard}); code
 * that feeds collated batches to an encoder itself must call it too.
 *
 * <p>Per sample, so applying it before or after cutting a batch into shards gives the same
 * tensors. The zeros are exact {@code +0.0} (a select, not a multiplication, which would give
 * {@code -0.0} for negative features).
 */
public final class MaskedInputs {

    private MaskedInputs() {
    }

    /**
     * The batch as an encoder must see it: {@code batch} itself when it has no
     * {@link TensorKeys#DROPPED} input, else a batch whose {@link TensorKeys#FEATS} has those rows
     * zeroed and which no longer has the {@code DROPPED} key. Targets, masks and the other inputs
     * are the same arrays. The new feature tensor belongs to the manager of {@code FEATS}.
     */
    public static ModalityBatch apply(ModalityBatch batch) {
        NDArray dropped = batch.inputs().get(TensorKeys.DROPPED);
        if (dropped == null) {
            return batch;
        }
        NDArray feats = batch.input(TensorKeys.FEATS);
        NDArray masked;
        // DJL's where wants the condition in the features' shape: an expanded view, no copy
        try (NDArray kept = dropped.eq(0f); NDArray perRow = kept.expandDims(2);
                NDArray keep = perRow.broadcast(feats.getShape()); NDArray zero = feats.getManager().create(0f)) {
            masked = NDArrays.where(keep, feats, zero);
        }
        Map<String, NDArray> inputs = new TreeMap<>(batch.inputs());
        inputs.remove(TensorKeys.DROPPED);
        inputs.put(TensorKeys.FEATS, masked);
        return new ModalityBatch(batch.modality(), batch.present(), batch.mask(), inputs, batch.targets());
    }
}
