package org.scale4j.examples.price;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.nn.KeyMasks;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.TransformerStack;

/**
 * Encodes {@code T = D + 1} number tokens (position 0 the summary token):
 * <pre>
 *   x[b,t] = feats[b,t] · w[t] + p[t] + (1 - shown[b,t]) · m        [B,T,H]
 *   states = mask ⊙ Layers(Dropout(LayerNorm(x)))
 * </pre>
 * with {@code w, p} learned per position {@code [T,H]} (each number has its own direction and
 * offset: a per-feature numeric embedding) and {@code m} a learned [MASK] vector {@code [H]} for
 * hidden numbers. Position 0 has value 0, so its embedding is the learned {@code p[0]}.
 *
 * <p>Multiplying by the key mask makes every position of a missing sample exactly 0, as scale4j's
 * own encoders do: nothing downstream can depend on a missing modality's data.
 */
final class NumericEncoder extends AbstractBlock implements ModalityEncoder {

    private static final byte VERSION = 1;

    private final ModalitySpec spec;
    private final int hidden;
    private final float dropout;
    private final Parameter valueWeights;
    private final Parameter positions;
    private final Parameter maskVector;
    private final LayerNorm norm;
    private final TransformerStack layers;

    NumericEncoder(ModalitySpec spec, LayerSpec layer, int depth, float dropout) {
        super(VERSION);
        this.spec = spec;
        this.hidden = layer.hidden();
        this.dropout = dropout;
        int tokens = spec.tokens();
        valueWeights = addParameter(Parameter.builder().setName("valueWeights").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(tokens, hidden)).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(tokens, hidden)).build());
        maskVector = addParameter(Parameter.builder().setName("maskVector").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, hidden)).build());
        // axis(2) on [B,T,H]: normalise over the hidden axis only (djl-notes: LayerNorm's default axes differ).
        norm = addChildBlock("norm", LayerNorm.builder().axis(2).optEpsilon(layer.layerNormEps()).build());
        layers = addChildBlock("layers", new TransformerStack(layer, depth));
    }

    @Override
    public EncoderOutput encode(ParameterStore ps, ModalityBatch input, boolean training) {
        NDArray feats = input.input(TensorKeys.FEATS);
        NDArray shown = input.input(NumericTensors.SHOWN);
        NDArray mask = input.mask();
        var device = feats.getDevice();
        NDArray x = feats.mul(ps.getValue(valueWeights, device, training))
                .add(ps.getValue(positions, device, training))
                .add(shown.neg().add(1f).expandDims(2).mul(ps.getValue(maskVector, device, training)));
        x = norm.forward(ps, new NDList(x), training).singletonOrThrow();
        if (training && dropout > 0) {
            x = Dropout.dropout(x, dropout, true).singletonOrThrow();
        }
        NDArray states = layers.forward(ps, x, mask, training);
        return new EncoderOutput(KeyMasks.zeroMasked(states, mask), mask);
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
        norm.initialize(manager, dataType, new Shape(-1, spec.tokens(), hidden));
        layers.initialize(manager, dataType);
    }
}
