package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionOutput;

/**
 * {@code mean-pool}: no cross-attention and no parameters. Every real token of modality {@code m}
 * gets the mean of all real tokens of all present modalities of its sample added:
 * {@code fused_m = (x_m + mean) ⊙ mask_m}.
 */
final class MeanPoolFusion extends AbstractBlock implements Fusion {

    MeanPoolFusion() {
        super((byte) 1);
    }

    @Override
    public FusionOutput fuse(
            ParameterStore ps, SortedMap<String, EncoderOutput> unimodal, NDArray present, boolean training) {
        NDArray context = PooledContext.meanOfTokens(unimodal);
        SortedMap<String, EncoderOutput> result = new TreeMap<>();
        unimodal.forEach((name, out) ->
                result.put(name, new EncoderOutput(PooledContext.addToTokens(out, context), out.mask())));
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
        // no parameters
    }
}
