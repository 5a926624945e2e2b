package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One standard transformer layer: multi-head self-attention with a per-sample key mask, then a
 * feed-forward block, each with a residual connection and a LayerNorm over the hidden axis only,
 * placed after (BERT, spec 2.4) or before (CLIP, spec 2.5) the sub-block.
 *
 * <p>Shapes: input {@code [B,T,H]}, key offset {@code [B,1,1,T]} float32, 0 for real keys and
 * -100000 for masked ones (see {@link KeyMasks#keyOffset}); output {@code [B,T,H]}. A masked key's
 * softmax weight is exactly 0 in float32, so its value cannot influence any other position.
 *
 * <p>The attention uses the parameters (query, key, value and result projections) of DJL's
 * {@link ScaledDotProductAttentionBlock} and the same math, but takes the additive key offset
 * computed once per stack (the block's own forward rebuilds its mask every call).
 *
 * <p>Why the layer works on token rows {@code [B·T,H]} inside: a model of this size spends a
 * large share of each step in per-op overhead (dispatch, autograd nodes, thread hand-offs), not
 * in arithmetic. On 2-D rows every projection is one fused {@code addmm} (product plus bias, one
 * autograd node) where a 3-D input costs a product, a bias add and two reshapes forward and
 * backward; and the query, key and value projections run as one product over their three weight
 * matrices concatenated (one GEMM instead of three). The parameters stay the block's four
 * projections, so checkpoints and parameter names do not change. {@link TransformerStack}
 * reshapes once per stack, not once per layer.
 *
 * <p>Parameters (names after DJL's prefixes): {@code attention} (query/key/value/result
 * projections, each {@code H×H} + bias), {@code attentionNorm}, {@code ffnIn} ({@code H→F}),
 * {@code ffnOut} ({@code F→H}), {@code ffnNorm}; see {@link LayerSpec#parameterCount()}.
 * Initialisable without input shapes: {@code initialize(manager, FLOAT32)}.
 */
public final class TransformerLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final LayerSpec spec;
    private final ScaledDotProductAttentionBlock attention;
    private final LayerNorm attentionNorm;
    private final Linear ffnIn;
    private final Linear ffnOut;
    private final LayerNorm ffnNorm;

    /** A layer with the given sizes. */
    public TransformerLayer(LayerSpec spec) {
        super(VERSION);
        this.spec = spec;
        attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(spec.hidden())
                .setHeadCount(spec.heads())
                .optAttentionProbsDropoutProb(spec.attentionDropout())
                .build());
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
        NDList projected = projectQueryKeyValue(ps, rows, training)
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
        return project(ps, attention.getResultProjection(), context, training);
    }

    /** Queries, keys and values side by side {@code [B·T,3H]}, from one product with the stacked weights. */
    private NDArray projectQueryKeyValue(ParameterStore ps, NDArray rows, boolean training) {
        Linear[] projections = {attention.getQueryProjection(), attention.getKeyProjection(),
                attention.getValueProjection()};
        NDList weights = new NDList(3);
        NDList biases = new NDList(3);
        for (Linear projection : projections) {
            weights.add(value(ps, projection, "weight", rows, training));
            biases.add(value(ps, projection, "bias", rows, training));
        }
        // an op's result joins its first operand's manager: keep these out of the parameters' one
        NDArray weight = NDArrays.concat(weights, 0);
        NDArray bias = NDArrays.concat(biases, 0);
        weight.attach(rows.getManager());
        bias.attach(rows.getManager());
        return rows.getNDArrayInternal().linear(rows, weight, bias).singletonOrThrow();
    }

    private static NDArray value(ParameterStore ps, Linear projection, String name, NDArray like, boolean training) {
        return ps.getValue(projection.getParameters().get(name), like.getDevice(), training);
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
        attention.initialize(manager, dataType);
        attentionNorm.initialize(manager, dataType, hiddenShape);
        ffnIn.initialize(manager, dataType, hiddenShape);
        ffnOut.initialize(manager, dataType, new Shape(-1, spec.ffn()));
        ffnNorm.initialize(manager, dataType, hiddenShape);
    }
}
