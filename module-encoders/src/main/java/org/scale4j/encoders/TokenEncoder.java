package org.scale4j.encoders;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.WordEmbeddings;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.LearnedPositions;

/**
 * BERT text/table encoder (spec 2.3, 2.4): word + learned position + token-type embeddings,
 * LayerNorm, dropout, then the transformer stack.
 *
 * <p>Inputs: {@code ids [B,T]} int64 and optionally {@code types [B,T]} int64 (all 0 when
 * absent). Parameters: {@code wordEmbeddings [V,H]}, {@code positionEmbeddings [P,H]},
 * {@code typeEmbeddings [types,H]}, the embedding LayerNorm and the stack.
 */
final class TokenEncoder extends StackedEncoder implements WordEmbeddings {

    private final int vocabSize;
    private final int maxPositions;
    private final Parameter words;
    private final Parameter positions;
    private final Parameter types;

    TokenEncoder(ModalitySpec spec, LayerSpec layerSpec, int depth, int maxPositions, int typeVocab) {
        super(spec, layerSpec, depth, null);
        this.vocabSize = spec.vocab().size();
        this.maxPositions = maxPositions;
        words = addParameter(table("wordEmbeddings", vocabSize));
        positions = addParameter(table("positionEmbeddings", maxPositions));
        types = addParameter(table("typeEmbeddings", typeVocab));
    }

    private Parameter table(String name, int rows) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, hidden)).build();
    }

    int vocabSize() {
        return vocabSize;
    }

    int maxPositions() {
        return maxPositions;
    }

    @Override
    NDArray embed(ParameterStore ps, ModalityBatch input, boolean training) {
        NDArray ids = input.input(TensorKeys.IDS);
        long tokens = ids.getShape().get(1);
        checkTokens(tokens, maxPositions, "max_positions");
        Device device = ids.getDevice();
        NDArray x = lookup(ids, ps.getValue(words, device, training));
        x = x.add(LearnedPositions.first(ps.getValue(positions, device, training), tokens, x.getManager()));
        NDArray typeIds = input.inputs().containsKey(TensorKeys.TYPES) ? input.input(TensorKeys.TYPES) : ids.zerosLike();
        return x.add(lookup(typeIds, ps.getValue(types, device, training)));
    }

    /** An embedding lookup whose result lives in the ids' manager (never the parameter's). */
    private static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    void initializeEmbeddings(NDManager manager, DataType dataType) {
        // the tables are direct parameters with fixed shapes: AbstractBlock initialises them
    }

    @Override
    public NDArray wordEmbeddings(ParameterStore ps, Device device) {
        return ps.getValue(words, device, true);
    }
}
