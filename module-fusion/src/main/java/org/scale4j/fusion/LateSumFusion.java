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
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionOutput;

/**
 * {@code late-sum}: late fusion without cross-attention. Each modality's summary token goes
 * through its own {@code Linear(H→H)}; the sum over the sample's present modalities is added to
 * every real token: {@code fused_m = (x_m + Σ_n p_n·Linear_n(x_n[0])) ⊙ mask_m}. Parameters:
 * {@code M·(H² + H)}.
 */
final class LateSumFusion extends AbstractBlock implements Fusion {

    private final int hidden;
    private final Map<String, Linear> projections = new TreeMap<>();

    LateSumFusion(List<String> modalities, int hidden) {
        super((byte) 1);
        this.hidden = hidden;
        for (String name : new java.util.TreeSet<>(modalities)) {
            projections.put(name, addChildBlock(name, Linear.builder().setUnits(hidden).build()));
        }
    }

    @Override
    public FusionOutput fuse(
            ParameterStore ps, SortedMap<String, EncoderOutput> unimodal, NDArray present, boolean training) {
        NDArray sum = null;
        int column = 0;
        for (var entry : unimodal.entrySet()) {
            Linear projection = projections.get(entry.getKey());
            if (projection == null) {
                throw new IllegalArgumentException("late-sum was built for " + projections.keySet()
                        + " but got modality " + entry.getKey());
            }
            NDArray projected = projection.forward(ps, new NDList(entry.getValue().summary()), training)
                    .singletonOrThrow();
            NDArray p = present.get(":, " + column + ":" + (column + 1));
            NDArray term = projected.mul(p);
            sum = sum == null ? term : sum.add(term);
            column++;
        }
        SortedMap<String, EncoderOutput> result = new TreeMap<>();
        for (var entry : unimodal.entrySet()) {
            EncoderOutput out = entry.getValue();
            result.put(entry.getKey(), new EncoderOutput(PooledContext.addToTokens(out, sum), out.mask()));
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
        for (Linear projection : projections.values()) {
            projection.initialize(manager, dataType, new Shape(-1, hidden));
        }
    }
}
