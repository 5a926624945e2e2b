package org.scale4j.api.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * One standard transformer layer: multi-head self-attention with a per-sample key mask, then a
 * feed-forward block, each with a residual connection and a LayerNorm over the hidden axis only,
 * placed after (BERT, spec 2.4) or before (CLIP, spec 2.5) the sub-block.
 *
 * <p>Shapes: input {@code [B,T,H]}, key offset {@code [B,1,1,T]} float32, 0 for real keys and
 * -100000 for masked ones (see {@link KeyMasks#keyOffset}); output {@code [B,T,H]}. A masked key's
 * softmax weight is exactly 0 in float32, so its value cannot influence any other position.
 *
 * <p>The attention has two projections: {@code queryKeyValue} ({@code H→3H}: rows {@code [0,H)} of
 * its weight make the queries, {@code [H,2H)} the keys, {@code [2H,3H)} the values; head {@code n}
 * uses columns {@code [n·d,(n+1)·d)} of each, {@code d = H/N}) and {@code attentionOutput}
 * ({@code H→H}). The key offset is computed once per stack, not per layer.
 *
 * <p>Why the layer works on token rows {@code [B·T,H]} inside, with one query-key-value weight: a
 * model of this size spends a large share of each step in per-op overhead (dispatch, autograd
 * nodes, thread hand-offs), not in arithmetic. On 2-D rows every projection is one fused
 * {@code addmm} (product plus bias, one autograd node) where a 3-D input costs a product, a bias
 * add and two reshapes forward and backward; one stacked weight is one product and one gradient
 * accumulation where three separate ones need three accumulations plus a concatenation and its
 * split on every step. {@link TransformerStack} reshapes once per stack, not once per layer.
 *
 * <p>Parameters (names after DJL's prefixes): {@code queryKeyValue} ({@code 3H×H} + bias),
 * {@code attentionOutput} ({@code H×H} + bias), {@code attentionNorm}, {@code ffnIn}
 * ({@code H→F}), {@code ffnOut} ({@code F→H}), {@code ffnNorm}; see
 * {@link LayerSpec#parameterCount()}. Initialisable without input shapes:
 * {@code initialize(manager, FLOAT32)}. Saved parameters of version 1 (builds before 2026-11-21: DJL's
 * {@link ScaledDotProductAttentionBlock} with four separate projections) load into this layout,
 * the three input projections stacked in query, key, value order.
 */
public final class TransformerLayer extends AbstractBlock {

    private static final byte VERSION = 2;
    /** The version that kept DJL's attention block with separate query, key and value projections. */
    private static final byte SEPARATE_PROJECTIONS = 1;

    private final LayerSpec spec;
    private final Linear queryKeyValue;
    private final Linear attentionOutput;
    private final LayerNorm attentionNorm;
    private final Linear ffnIn;
    private final Linear ffnOut;
    private final LayerNorm ffnNorm;

    /** A layer with the given sizes. */
    public TransformerLayer(LayerSpec spec) {
        super(VERSION);
        this.spec = spec;
        queryKeyValue = addChildBlock("queryKeyValue", Linear.builder().setUnits(3L * spec.hidden()).build());
        attentionOutput = addChildBlock("attentionOutput", Linear.builder().setUnits(spec.hidden()).build());
        attentionNorm = addChildBlock("attentionNorm", hiddenNorm(spec.layerNormEps()));
        ffnIn = addChildBlock("ffnIn", Linear.builder().setUnits(spec.ffn()).build());
        ffnOut = addChildBlock("ffnOut", Linear.builder().setUnits(spec.hidden()).build());
        ffnNorm = addChildBlock("ffnNorm", hiddenNorm(spec.layerNormEps()));
    }

    /** A LayerNorm over the last (hidden) axis only; see djl-notes pitfall 8. */
    static LayerNorm hiddenNorm(float eps) {
        return LayerNorm.builder().axis(1).optEpsilon(eps).build();
    }

    /** The layer's sizes. */
    public LayerSpec spec() {
        return spec;
    }

    /**
     * Runs the layer.
     *
     * @param x {@code [B,T,H]}
     * @param keyOffset {@code [B,1,1,T]} float32 from {@link KeyMasks#keyOffset}
     * @return {@code [B,T,H]}, in {@code x}'s manager
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray keyOffset, boolean training) {
        Shape shape = x.getShape();
        NDArray rows = x.reshape(shape.get(0) * shape.get(1), shape.get(2));
        NDArray headOffset = KeyMasks.perHead(keyOffset, spec.heads());
        return forwardRows(ps, rows, shape.get(0), headOffset, training).reshape(shape);
    }

    /**
     * Runs the layer on token rows, the form {@link TransformerStack} keeps between layers.
     *
     * @param rows {@code [B·T,H]}: sample {@code b}'s tokens are rows {@code b·T} to {@code b·T+T-1}
     * @param batch {@code B}
     * @param headOffset {@code [B·N,1,T]} float32 from {@link KeyMasks#perHead}
     * @return {@code [B·T,H]}, in {@code rows}' manager
     */
    NDArray forwardRows(ParameterStore ps, NDArray rows, long batch, NDArray headOffset, boolean training) {
        if (spec.placement() == NormPlacement.POST) {
            NDArray attended = dropout(attend(ps, rows, batch, headOffset, training), training);
            NDArray h = norm(ps, attentionNorm, rows.add(attended), training);
            NDArray fed = dropout(feedForward(ps, h, training), training);
            return norm(ps, ffnNorm, h.add(fed), training);
        }
        NDArray attended = attend(ps, norm(ps, attentionNorm, rows, training), batch, headOffset, training);
        NDArray h = rows.add(dropout(attended, training));
        NDArray fed = feedForward(ps, norm(ps, ffnNorm, h, training), training);
        return h.add(dropout(fed, training));
    }

    private NDArray attend(ParameterStore ps, NDArray rows, long batch, NDArray headOffset, boolean training) {
        long tokens = rows.getShape().get(0) / batch;
        int heads = spec.heads();
        int size = spec.hidden() / heads;
        // [B·T,3H] -> [B,T,3,N,d] -> [B,N,3,T,d] -> [B·N,3T,d] (the one copy), cut along the tokens
        // into queries, keys and values [B·N,T,d]: 3-D operands go straight to bmm, where a 4-D
        // matmul adds expand, reshape and view ops (and their backward nodes) around every product
        NDList projected = project(ps, queryKeyValue, rows, training)
                .reshape(batch, tokens, 3, heads, size).transpose(0, 3, 2, 1, 4)
                .reshape(batch * heads, 3 * tokens, size).split(3, 1);
        // the 1/sqrt(d) scale is applied to the queries
        NDArray queries = Scalars.mul(projected.get(0), 1f / (float) Math.sqrt(size));
        NDArray keys = projected.get(1).transpose(0, 2, 1);
        NDArray values = projected.get(2);
        NDArray probabilities = queries.batchMatMul(keys).add(headOffset).softmax(2);
        if (training && spec.attentionDropout() > 0) {
            probabilities = Dropout.dropout(probabilities, spec.attentionDropout(), true).singletonOrThrow();
        }
        NDArray context = probabilities.batchMatMul(values).reshape(batch, heads, tokens, size)
                .transpose(0, 2, 1, 3).reshape(batch * tokens, spec.hidden());
        return project(ps, attentionOutput, context, training);
    }

    private static NDArray project(ParameterStore ps, Linear projection, NDArray x, boolean training) {
        return projection.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private NDArray feedForward(ParameterStore ps, NDArray x, boolean training) {
        NDArray inner = ffnIn.forward(ps, new NDList(x), training).singletonOrThrow();
        return ffnOut.forward(ps, new NDList(spec.activation().apply(inner)), training).singletonOrThrow();
    }

    private static NDArray norm(ParameterStore ps, LayerNorm norm, NDArray x, boolean training) {
        return norm.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private NDArray dropout(NDArray x, boolean training) {
        if (!training || spec.dropout() == 0f) {
            return x;
        }
        return Dropout.dropout(x, spec.dropout(), true).singletonOrThrow();
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
        Shape hiddenShape = new Shape(-1, spec.hidden());
        queryKeyValue.initialize(manager, dataType, hiddenShape);
        attentionOutput.initialize(manager, dataType, hiddenShape);
        attentionNorm.initialize(manager, dataType, hiddenShape);
        ffnIn.initialize(manager, dataType, hiddenShape);
        ffnOut.initialize(manager, dataType, new Shape(-1, spec.ffn()));
        ffnNorm.initialize(manager, dataType, hiddenShape);
    }

    /** Loads this version's parameters, or converts those of version 1 (separate projections). */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
        byte loadVersion = is.readByte();
        if (loadVersion != SEPARATE_PROJECTIONS) {
            loadMetadata(loadVersion, is);
            // the layer has no direct parameters, only children (see AbstractBaseBlock.loadParameters)
            for (Block child : getChildren().values()) {
                child.loadParameters(manager, is);
            }
            return;
        }
        readInputShapes(is);
        Shape hiddenShape = new Shape(-1, spec.hidden());
        for (Linear projection : new Linear[] {queryKeyValue, attentionOutput}) {
            if (!projection.isInitialized()) { // shapes the projection (and its saved metadata) before its values load
                projection.initialize(manager, DataType.FLOAT32, hiddenShape);
            }
        }
        SeparateProjections.load(spec, manager, is, queryKeyValue, attentionOutput);
        for (Block child : new Block[] {attentionNorm, ffnIn, ffnOut, ffnNorm}) {
            child.loadParameters(manager, is);
        }
    }
}
