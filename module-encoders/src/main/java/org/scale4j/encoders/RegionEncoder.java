package org.scale4j.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.TransformerStack;

/**
 * Image-region encoder (spec 2.3): {@code Linear(D→H)(feats) + Linear(5→H)(boxes)}, LayerNorm,
 * dropout, then the transformer stack. No positions: regions are a set.
 *
 * <p>Inputs: {@code feats [B,T,D]} float32 and, when the modality has boxes, {@code boxes [B,T,5]}.
 */
final class RegionEncoder extends StackedEncoder {

    private final Linear featureProjection;
    private final Linear boxProjection;

    RegionEncoder(ModalitySpec spec, LayerSpec layerSpec, int depth, TransformerStack shared) {
        super(spec, layerSpec, depth, shared);
        featureProjection = addChildBlock("featureProjection", Linear.builder().setUnits(hidden).build());
        boxProjection = spec.boxDim() > 0
                ? addChildBlock("boxProjection", Linear.builder().setUnits(hidden).build())
                : null;
    }

    @Override
    NDArray embed(ParameterStore ps, ModalityBatch input, boolean training) {
        NDArray feats = input.input(TensorKeys.FEATS);
        NDArray x = featureProjection.forward(ps, new NDList(feats), training).singletonOrThrow();
        if (boxProjection != null) {
            NDArray boxes = input.input(TensorKeys.BOXES);
            x = x.add(boxProjection.forward(ps, new NDList(boxes), training).singletonOrThrow());
        }
        return x;
    }

    @Override
    void initializeEmbeddings(NDManager manager, DataType dataType) {
        featureProjection.initialize(manager, dataType, new Shape(-1, spec.featureDim()));
        if (boxProjection != null) {
            boxProjection.initialize(manager, dataType, new Shape(-1, spec.boxDim()));
        }
    }
}
