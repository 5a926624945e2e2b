package org.scale4j.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.nn.KeyMasks;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.TransformerStack;

/**
 * An embedding (subclass) followed by a {@link TransformerStack} over the modality's tokens.
 *
 * <p>The output states are multiplied by the key mask: padded positions and every position of a
 * missing modality are exactly 0, so no later computation can depend on padded or missing data.
 * The stack may be owned (a child block) or borrowed from another encoder (weight sharing, spec
 * quirk Q2); a borrowed stack is initialised, counted and saved by its owner only.
 */
abstract class StackedEncoder extends AbstractBlock implements ModalityEncoder {

    private static final byte VERSION = 1;

    final ModalitySpec spec;
    final int hidden;
    final float dropout;
    final LayerNorm embeddingNorm;
    private final TransformerStack layers;
    private final boolean ownsLayers;

    StackedEncoder(ModalitySpec spec, LayerSpec layerSpec, int depth, TransformerStack shared) {
        super(VERSION);
        this.spec = spec;
        this.hidden = layerSpec.hidden();
        this.dropout = layerSpec.dropout();
        this.embeddingNorm = addChildBlock("embeddingNorm",
                LayerNorm.builder().axis(1).optEpsilon(layerSpec.layerNormEps()).build());
        if (shared == null) {
            this.layers = addChildBlock("layers", new TransformerStack(layerSpec, depth));
            this.ownsLayers = true;
        } else {
            if (shared.spec().hidden() != hidden) {
                throw new IllegalArgumentException("modality " + spec.name() + ": cannot share layers of width "
                        + shared.spec().hidden() + " with hidden size " + hidden);
            }
            this.layers = shared;
            this.ownsLayers = false;
        }
    }

    /** The transformer stack (owned or shared). */
    TransformerStack layers() {
        return layers;
    }

    /**
     * The embedded tokens before LayerNorm and dropout.
     *
     * @return {@code [B,T,H]} in the input's manager
     */
    abstract NDArray embed(ParameterStore ps, ModalityBatch input, boolean training);

    /** Creates this encoder's embedding parameters and blocks. */
    abstract void initializeEmbeddings(NDManager manager, DataType dataType);

    @Override
    public EncoderOutput encode(ParameterStore ps, ModalityBatch input, boolean training) {
        NDArray mask = input.mask();
        NDArray x = embeddingNorm.forward(ps, new NDList(embed(ps, input, training)), training).singletonOrThrow();
        if (training && dropout > 0) {
            x = Dropout.dropout(x, dropout, true).singletonOrThrow();
        }
        NDArray states = layers.forward(ps, x, mask, training);
        return new EncoderOutput(KeyMasks.zeroMasked(states, mask), mask);
    }

    /** Fails unless the batch has as many positions as this encoder can embed. */
    void checkTokens(long tokens, long capacity, String what) {
        if (tokens > capacity) {
            throw new IllegalArgumentException("modality " + spec.name() + ": " + tokens
                    + " token positions exceed the " + what + " of " + capacity
                    + "; raise max_positions in model.encoders." + spec.name());
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("encoders are called through encode(), not forward()");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(-1, spec.tokens(), hidden)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embeddingNorm.initialize(manager, dataType, new Shape(-1, hidden));
        initializeEmbeddings(manager, dataType);
        if (ownsLayers) {
            layers.initialize(manager, dataType);
        }
    }
}
