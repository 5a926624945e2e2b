package org.scale4j.api.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Saved {@link TransformerLayer} parameters: the current layout round-trips, and version 1 (DJL's
 * attention block with separate key, query, value and result projections) loads with its values.
 */
class TransformerLayerFormatTest {

    private static final LayerSpec SPEC = new LayerSpec(8, 2, 12, Activation.GELU, NormPlacement.POST, 0f, 0f, 1e-12f);

    /** The children and order of a version-1 layer, saved the way AbstractBlock saves any block. */
    private static final class VersionOneLayer extends AbstractBlock {
        final ScaledDotProductAttentionBlock attention = addChildBlock("attention", ScaledDotProductAttentionBlock
                .builder().setEmbeddingSize(SPEC.hidden()).setHeadCount(SPEC.heads()).build());
        final LayerNorm attentionNorm = addChildBlock("attentionNorm", TransformerLayer.hiddenNorm(SPEC.layerNormEps()));
        final Linear ffnIn = addChildBlock("ffnIn", Linear.builder().setUnits(SPEC.ffn()).build());
        final Linear ffnOut = addChildBlock("ffnOut", Linear.builder().setUnits(SPEC.hidden()).build());
        final LayerNorm ffnNorm = addChildBlock("ffnNorm", TransformerLayer.hiddenNorm(SPEC.layerNormEps()));

        VersionOneLayer() {
            super((byte) 1);
        }

        /** The post-LN layer of version 1 on {@code [B,T,H]}, unmasked, with DJL's own attention forward. */
        NDArray forwardPostNorm(ParameterStore ps, NDArray x) {
            long b = x.getShape().get(0);
            long t = x.getShape().get(1);
            NDArray attended = attention.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray h = apply(attentionNorm, ps, x.add(attended).reshape(b * t, SPEC.hidden()));
            NDArray fed = apply(ffnOut, ps, SPEC.activation().apply(apply(ffnIn, ps, h)));
            return apply(ffnNorm, ps, h.add(fed)).reshape(b, t, SPEC.hidden());
        }

        private static NDArray apply(Block block, ParameterStore ps, NDArray x) {
            return block.forward(ps, new NDList(x), false).singletonOrThrow();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            return new NDList(forwardPostNorm(ps, inputs.singletonOrThrow()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape hidden = new Shape(-1, SPEC.hidden());
            attention.initialize(manager, dataType);
            attentionNorm.initialize(manager, dataType, hidden);
            ffnIn.initialize(manager, dataType, hidden);
            ffnOut.initialize(manager, dataType, new Shape(-1, SPEC.ffn()));
            ffnNorm.initialize(manager, dataType, hidden);
        }
    }

    /** Random values for every parameter (gains and shifts included), so that no copy can pass by accident. */
    private static <B extends Block> B randomized(B block, NDManager manager, long seed) {
        for (Parameter.Type type : Parameter.Type.values()) {
            block.setInitializer(new NormalInitializer(0.5f), type);
        }
        Engine.getInstance().setRandomSeed((int) seed);
        block.initialize(manager, DataType.FLOAT32);
        return block;
    }

    private static byte[] saved(Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    /** Loads {@code bytes} into {@code block} and checks that the stream was consumed to its end. */
    private static void load(Block block, byte[] bytes, NDManager manager) throws IOException, MalformedModelException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        block.loadParameters(manager, in);
        assertEquals(-1, in.read(), "bytes left after the layer");
    }

    private static float[] values(Block block, String name) {
        return block.getParameters().get(name).getArray().toFloatArray();
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] out = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    @Test
    void versionOneParametersLoadWithTheirValues() throws Exception {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            VersionOneLayer old = randomized(new VersionOneLayer(), m, 3);
            TransformerLayer layer = randomized(new TransformerLayer(SPEC), m, 4);
            load(layer, saved(old), m);
            ScaledDotProductAttentionBlock a = old.attention;
            for (String name : new String[] {"weight", "bias"}) {
                assertArrayEquals(concat(values(a.getQueryProjection(), name), values(a.getKeyProjection(), name),
                        values(a.getValueProjection(), name)), values(layer, "01queryKeyValue_" + name), name);
                assertArrayEquals(values(a.getResultProjection(), name), values(layer, "02attentionOutput_" + name));
                assertArrayEquals(values(old.ffnIn, name), values(layer, "04ffnIn_" + name));
                assertArrayEquals(values(old.ffnOut, name), values(layer, "05ffnOut_" + name));
            }
            for (String name : new String[] {"gamma", "beta"}) {
                assertArrayEquals(values(old.attentionNorm, name), values(layer, "03attentionNorm_" + name));
                assertArrayEquals(values(old.ffnNorm, name), values(layer, "06ffnNorm_" + name));
            }
        }
    }

    @Test
    void aConvertedLayerComputesWhatDjlsAttentionBlockComputed() throws Exception {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            VersionOneLayer old = randomized(new VersionOneLayer(), m, 8);
            TransformerLayer layer = randomized(new TransformerLayer(SPEC), m, 9);
            load(layer, saved(old), m);
            NDArray x = m.randomNormal(new Shape(2, 3, SPEC.hidden()));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray everyKey = KeyMasks.keyOffset(m.ones(new Shape(2, 3)));
            assertArrayEquals(old.forwardPostNorm(ps, x).toFloatArray(),
                    layer.forward(ps, x, everyKey, false).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void versionOneLoadsIntoAnUninitialisedLayerThatCanBeSavedAgain() throws Exception {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            VersionOneLayer old = randomized(new VersionOneLayer(), m, 10);
            TransformerLayer fresh = new TransformerLayer(SPEC);
            load(fresh, saved(old), m);
            TransformerLayer again = randomized(new TransformerLayer(SPEC), m, 11);
            load(again, saved(fresh), m);
            assertArrayEquals(values(fresh, "01queryKeyValue_weight"), values(again, "01queryKeyValue_weight"));
        }
    }

    @Test
    void currentLayoutRoundTripsToTheSameOutputs() throws Exception {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            TransformerLayer saved = randomized(new TransformerLayer(SPEC), m, 5);
            TransformerLayer loaded = randomized(new TransformerLayer(SPEC), m, 6);
            load(loaded, saved(saved), m);
            NDArray x = m.randomNormal(new Shape(2, 3, SPEC.hidden()));
            NDArray offset = KeyMasks.keyOffset(m.create(new float[] {1, 1, 0, 1, 0, 0}, new Shape(2, 3)));
            ParameterStore ps = new ParameterStore(m, false);
            assertArrayEquals(saved.forward(ps, x, offset, false).toFloatArray(),
                    loaded.forward(ps, x, offset, false).toFloatArray());
        }
    }

    @Test
    void anUnknownVersionIsRefusedByName() throws Exception {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            byte[] bytes = saved(randomized(new TransformerLayer(SPEC), m, 7));
            bytes[0] = 9;
            TransformerLayer layer = randomized(new TransformerLayer(SPEC), m, 7);
            var error = assertThrows(MalformedModelException.class, () -> load(layer, bytes, m));
            assertEquals("Cannot load parameters for org.scale4j.api.nn.TransformerLayer, expected version 2, got 9.",
                    error.getMessage());
        }
    }
}
