package org.scale4j.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.LearnedPositions;
import org.scale4j.api.nn.TransformerStack;

/**
 * Frame-sequence encoder for video frames and audio rows (spec 2.3): {@code Linear(D→H)(feats)}
 * plus learned positions {@code [P,H]}, LayerNorm, dropout, then the transformer stack.
 *
 * <p>Input: {@code feats [B,T,D]} float32, the global mean token at position 0.
 */
final class FrameEncoder extends StackedEncoder {

    private final int maxPositions;
    private final Linear featureProjection;
    private final Parameter positions;

    FrameEncoder(ModalitySpec spec, LayerSpec layerSpec, int depth, int maxPositions, TransformerStack shared) {
        super(spec, layerSpec, depth, shared);
        this.maxPositions = maxPositions;
        featureProjection = addChildBlock("featureProjection", Linear.builder().setUnits(hidden).build());
        positions = addParameter(Parameter.builder().setName("positionEmbeddings").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxPositions, hidden)).build());
    }

    @Override
    NDArray embed(ParameterStore ps, ModalityBatch input, boolean training) {
        NDArray feats = input.input(TensorKeys.FEATS);
        long tokens = feats.getShape().get(1);
        checkTokens(tokens, maxPositions, "max_positions");
        NDArray x = featureProjection.forward(ps, new NDList(feats), training).singletonOrThrow();
        NDArray table = ps.getValue(positions, feats.getDevice(), training);
        return x.add(LearnedPositions.first(table, tokens, x.getManager()));
    }

    @Override
    void initializeEmbeddings(NDManager manager, DataType dataType) {
        featureProjection.initialize(manager, dataType, new Shape(-1, spec.featureDim()));
    }
}
