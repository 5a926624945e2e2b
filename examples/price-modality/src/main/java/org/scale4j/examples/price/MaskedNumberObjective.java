package org.scale4j.examples.price;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Activation;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.Objective;
import org.scale4j.api.objective.ObjectiveOutput;

/**
 * Masked number modelling: at every hidden number ({@code masked = 1}) of a present sample, the
 * fused state {@code [N,H]} goes through {@code Linear(H→H)}, GELU, LayerNorm and
 * {@code Linear(H→1)}; the loss is the mean squared error against the unhidden (scaled) number.
 * The fused state sees every other modality through the fusion, so the numbers are predicted from
 * the title, the table, the image, ... and the numbers that stayed visible.
 *
 * <p>Positions are selected on the host (one small {@code [B,T]} copy), so the head runs on the
 * {@code N} hidden numbers only. A batch without any hidden number gives loss exactly 0 and a
 * note, never NaN. Metrics: {@code masked} (count), {@code mse}.
 */
final class MaskedNumberObjective extends AbstractBlock implements Objective {

    private static final byte VERSION = 1;

    private final String task;
    private final String modality;
    private final MaskingRequest masking;
    private final int hidden;
    private final Linear dense;
    private final LayerNorm norm;
    private final Linear output;

    MaskedNumberObjective(String task, String modality, MaskingRequest masking, int hidden) {
        super(VERSION);
        this.task = task;
        this.modality = modality;
        this.masking = masking;
        this.hidden = hidden;
        dense = addChildBlock("dense", Linear.builder().setUnits(hidden).build());
        norm = addChildBlock("norm", LayerNorm.builder().axis(1).optEpsilon(1e-12f).build());
        output = addChildBlock("output", Linear.builder().setUnits(1).build());
    }

    @Override
    public List<MaskingRequest> masking() {
        return List.of(masking);
    }

    @Override
    public ObjectiveOutput compute(ParameterStore ps, Batch batch, ModelOutput model, boolean training) {
        ModalityBatch input = batch.modality(modality);
        NDManager manager = model.present().getManager();
        float[] masked = input.target(TensorKeys.MASKED).toFloatArray();
        float[] present = input.present().toFloatArray();
        int tokens = masked.length / present.length;
        long[] positions = new long[masked.length];
        int n = 0;
        for (int i = 0; i < masked.length; i++) {
            if (masked[i] > 0 && present[i / tokens] > 0) {
                positions[n++] = i;
            }
        }
        SortedMap<String, NDArray> metrics = new TreeMap<>();
        metrics.put("masked", manager.create((float) n));
        if (n == 0) {
            return new ObjectiveOutput(manager.create(0f), metrics,
                    List.of(task + ": no hidden number of " + modality + " in this batch"));
        }
        NDArray index = manager.create(java.util.Arrays.copyOf(positions, n));
        NDArray states = model.fused().of(modality).states().reshape(-1, hidden).get(new NDIndex("{}", index));
        NDArray h = Activation.GELU.apply(dense.forward(ps, new NDList(states), training).singletonOrThrow());
        h = norm.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray prediction = output.forward(ps, new NDList(h), training).singletonOrThrow().reshape(-1);
        NDArray target = input.target(TensorKeys.TARGET).reshape(-1).get(new NDIndex("{}", index));
        NDArray loss = prediction.sub(target).square().mean();
        metrics.put("mse", loss.duplicate());
        return new ObjectiveOutput(loss, metrics, List.of());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("objectives are called through compute(), not forward()");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dense.initialize(manager, dataType, new Shape(-1, hidden));
        norm.initialize(manager, dataType, new Shape(-1, hidden));
        output.initialize(manager, dataType, new Shape(-1, hidden));
    }
}
