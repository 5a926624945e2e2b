package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionOutput;

/**
 * {@code concat-project}: no cross-attention. Each real token is concatenated with the sample's
 * mean over all real tokens of all present modalities and projected back:
 * {@code fused_m = Linear(2H→H)([x_m ; mean]) ⊙ mask_m}. Parameters: {@code 2H·H + H}.
 */
final class ConcatProjectFusion extends AbstractBlock implements Fusion {

    private final int hidden;
    private final Linear projection;

    ConcatProjectFusion(int hidden) {
        super((byte) 1);
        this.hidden = hidden;
        projection = addChildBlock("projection", Linear.builder().setUnits(hidden).build());
    }

    @Override
    public FusionOutput fuse(
            ParameterStore ps, SortedMap<String, EncoderOutput> unimodal, NDArray present, boolean training) {
        NDArray context = PooledContext.meanOfTokens(unimodal);
        SortedMap<String, EncoderOutput> result = new TreeMap<>();
        for (var entry : unimodal.entrySet()) {
            EncoderOutput out = entry.getValue();
            Shape shape = out.states().getShape();
            NDArray joined = out.states().concat(context.expandDims(1).broadcast(shape), 2);
            NDArray projected = projection.forward(ps, new NDList(joined), training).singletonOrThrow();
            result.put(entry.getKey(), new EncoderOutput(projected.mul(out.mask().expandDims(2)), out.mask()));
        }
        return new FusionOutput(result);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("fusions are called through fuse(), not forward()");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        projection.initialize(manager, dataType, new Shape(-1, 2L * hidden));
    }
}
