package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionOutput;
import org.scale4j.api.nn.KeyMasks;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.LearnedPositions;
import org.scale4j.api.nn.TransformerStack;

/**
 * The joint co-transformer (spec 2.5): concatenate every modality's token states in sorted name
 * order into {@code [B,L,H]}, add learned absolute positions over the concatenated index, dropout,
 * then pre-LN blocks (QuickGELU MLP, no final LayerNorm) with the concatenated key mask, and
 * split back per modality. Each modality's fused summary is its token 0.
 *
 * <p>Masks are per sample (batch-major), unlike spec quirk Q8: keys of padded positions and of
 * missing modalities get weight exactly 0, and the output states at masked positions are set to
 * 0. The released order is [text|table|image|video|audio]; sorted order only changes which learned
 * position row each token gets.
 */
final class JointCoTransformer extends AbstractBlock implements Fusion {

    private static final byte VERSION = 1;

    private final Map<String, Integer> tokens;
    private final int hidden;
    private final int maxPositions;
    private final float dropout;
    private final Parameter positions;
    private final TransformerStack layers;

    JointCoTransformer(Map<String, Integer> tokens, LayerSpec layerSpec, int depth, int maxPositions, float dropout) {
        super(VERSION);
        this.tokens = new TreeMap<>(tokens);
        this.hidden = layerSpec.hidden();
        this.maxPositions = maxPositions;
        this.dropout = dropout;
        int total = this.tokens.values().stream().mapToInt(Integer::intValue).sum();
        if (total > maxPositions) {
            throw new IllegalArgumentException("model.fusion: the modalities have " + total
                    + " tokens in all, more than max_positions " + maxPositions + "; raise model.fusion.max_positions");
        }
        positions = addParameter(Parameter.builder().setName("positionEmbeddings").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxPositions, hidden)).build());
        layers = addChildBlock("layers", new TransformerStack(layerSpec, depth));
    }

    @Override
    public FusionOutput fuse(
            ParameterStore ps, SortedMap<String, EncoderOutput> unimodal, NDArray present, boolean training) {
        List<String> names = new ArrayList<>(unimodal.keySet());
        NDList states = new NDList();
        NDList masks = new NDList();
        long[] splits = new long[names.size() - 1];
        long offset = 0;
        for (int i = 0; i < names.size(); i++) {
            EncoderOutput out = unimodal.get(names.get(i));
            states.add(out.states());
            masks.add(out.mask());
            offset += out.states().getShape().get(1);
            if (i < splits.length) {
                splits[i] = offset;
            }
        }
        if (offset > maxPositions) {
            throw new IllegalArgumentException("model.fusion: " + offset + " tokens exceed max_positions " + maxPositions);
        }
        NDArray x = names.size() == 1 ? states.get(0) : NDArrays.concat(states, 1);
        NDArray mask = names.size() == 1 ? masks.get(0) : NDArrays.concat(masks, 1);
        x = x.add(LearnedPositions.first(ps.getValue(positions, x.getDevice(), training), offset, x.getManager()));
        if (training && dropout > 0) {
            x = Dropout.dropout(x, dropout, true).singletonOrThrow();
        }
        NDArray fused = KeyMasks.zeroMasked(layers.forward(ps, x, mask, training), mask);
        NDList parts = names.size() == 1 ? new NDList(fused) : fused.split(splits, 1);
        SortedMap<String, EncoderOutput> result = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            result.put(names.get(i), new EncoderOutput(parts.get(i), masks.get(i)));
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
        layers.initialize(manager, dataType);
    }
}
