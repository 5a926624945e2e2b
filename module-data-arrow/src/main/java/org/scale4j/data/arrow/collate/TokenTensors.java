package org.scale4j.data.arrow.collate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.TreeMap;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;

/** The host arrays of a token modality's batch, turned into tensors at the end of collation. */
final class TokenTensors {

    final int batch;
    final int tokens;
    final long[] ids;
    final long[] types;
    final float[] mask;
    final float[] present;
    final long[] labels;

    TokenTensors(int batch, int tokens, long padId, boolean masking) {
        this.batch = batch;
        this.tokens = tokens;
        this.ids = new long[batch * tokens];
        java.util.Arrays.fill(ids, padId);
        this.types = new long[batch * tokens];
        this.mask = new float[batch * tokens];
        this.present = new float[batch];
        this.labels = masking ? new long[batch * tokens] : null;
        if (labels != null) {
            java.util.Arrays.fill(labels, -1);
        }
    }

    ModalityBatch toBatch(String modality, NDManager manager) {
        Shape shape = new Shape(batch, tokens);
        Map<String, NDArray> inputs = new TreeMap<>();
        inputs.put(TensorKeys.IDS, HostTensors.of(manager, ids, shape));
        inputs.put(TensorKeys.TYPES, HostTensors.of(manager, types, shape));
        Map<String, NDArray> targets = new TreeMap<>();
        if (labels != null) {
            targets.put(TensorKeys.LABELS, HostTensors.of(manager, labels, shape));
        }
        return new ModalityBatch(modality, HostTensors.of(manager, present, new Shape(batch)),
                HostTensors.of(manager, mask, shape), inputs, targets);
    }
}
