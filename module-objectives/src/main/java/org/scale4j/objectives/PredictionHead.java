package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.scale4j.api.nn.Activation;

/**
 * The transform of the masked-modelling heads (spec 2.8): {@code Linear(H→H)}, GELU,
 * {@code LayerNorm} (eps 1e-12). Input and output {@code [N,H]}. Parameters {@code H² + 3H}.
 */
final class PredictionHead extends AbstractBlock {

    private final int hidden;
    private final Linear dense;
    private final LayerNorm norm;

    PredictionHead(int hidden) {
        super((byte) 1);
        this.hidden = hidden;
        dense = addChildBlock("dense", Linear.builder().setUnits(hidden).build());
        norm = addChildBlock("norm", LayerNorm.builder().axis(1).optEpsilon(1e-12f).build());
    }

    NDArray transform(ParameterStore ps, NDArray x, boolean training) {
        NDArray h = Activation.GELU.apply(dense.forward(ps, new NDList(x), training).singletonOrThrow());
        return norm.forward(ps, new NDList(h), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(transform(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dense.initialize(manager, dataType, new Shape(-1, hidden));
        norm.initialize(manager, dataType, new Shape(-1, hidden));
    }
}
