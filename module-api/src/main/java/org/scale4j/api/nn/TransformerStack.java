package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code N} identical-shape {@link TransformerLayer}s sharing one key mask. The additive key
 * offset is computed once per call, not per layer. Zero layers is allowed (identity).
 */
public final class TransformerStack extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LayerSpec spec;
    private final List<TransformerLayer> layers = new ArrayList<>();

    /** {@code count} layers of {@code spec}. */
    public TransformerStack(LayerSpec spec, int count) {
        super(VERSION);
        if (count < 0) {
            throw new IllegalArgumentException("layer count must be >= 0, got " + count);
        }
        this.spec = spec;
        for (int i = 0; i < count; i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayer(spec)));
        }
    }

    /** The sizes of every layer. */
    public LayerSpec spec() {
        return spec;
    }

    /** The number of layers. */
    public int depth() {
        return layers.size();
    }

    /** The parameter count of the stack. */
    public long parameterCount() {
        return spec.parameterCount() * layers.size();
    }

    /**
     * @param x {@code [B,T,H]}
     * @param keyMask {@code [B,T]} float32, 1 for real positions of each sample
     * @return {@code [B,T,H]}
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray keyMask, boolean training) {
        if (layers.isEmpty()) {
            return x;
        }
        NDArray headOffset = KeyMasks.perHead(KeyMasks.keyOffset(keyMask), spec.heads());
        Shape shape = x.getShape();
        // token rows [B·T,H] between layers: see TransformerLayer on why
        NDArray rows = x.reshape(shape.get(0) * shape.get(1), shape.get(2));
        for (TransformerLayer layer : layers) {
            rows = layer.forwardRows(ps, rows, shape.get(0), headOffset, training);
        }
        return rows.reshape(shape);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType);
        }
    }
}
