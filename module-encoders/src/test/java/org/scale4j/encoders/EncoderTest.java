package org.scale4j.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.Vocabulary;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.encoders.config.FeatureEncoderConfig;
import org.scale4j.encoders.config.TokenEncoderConfig;

/** Encoders against a double-precision BERT reference; masks; parameter counts; sharing. */
class EncoderTest {

    private static final int H = 4;
    private static final ModelDims DIMS = new ModelDims(H, 0f, 0.5f);
    private static final Vocabulary VOCAB = new Vocabulary(11, 0, 1, 2, 3, 4);
    private static final ModalitySpec TEXT = new ModalitySpec("text", "tokens", 4, 0, 0, VOCAB);
    private static final ModalitySpec TABLE = new ModalitySpec("table", "key-value", 5, 0, 0, VOCAB);
    private static final ModalitySpec IMAGE = new ModalitySpec("image", "regions", 3, 6, 5, null);
    private static final ModalitySpec VIDEO = new ModalitySpec("video", "frames", 3, 5, 0, null);
    private static final TokenEncoderConfig TEXT_CONFIG = new TokenEncoderConfig(1, 2, 6, "gelu", "post", 0, 0, 0, 2, 1e-12);
    private static final FeatureEncoderConfig FEATURE_CONFIG = new FeatureEncoderConfig(2, 2, 6, "gelu", "post", 0, 0, 0, 1e-12);

    /** ids for 2 samples × 4 tokens: sample 0 has 3 real tokens, sample 1 is missing. */
    private static ModalityBatch text(NDManager m, long padId, long missingId) {
        long[] ids = {1, 7, 2, padId, missingId, missingId, missingId, missingId};
        long[] types = {0, 1, 0, 0, 0, 0, 0, 0};
        float[] mask = {1, 1, 1, 0, 0, 0, 0, 0};
        return new ModalityBatch("text", m.create(new float[] {1, 0}), m.create(mask, new Shape(2, 4)),
                Map.of(TensorKeys.IDS, m.create(ids, new Shape(2, 4)), TensorKeys.TYPES, m.create(types, new Shape(2, 4))),
                Map.of());
    }

    private static ModalityEncoder initialized(ModalityEncoder encoder, NDManager m) {
        Engine.getInstance().setRandomSeed(17);
        encoder.initialize(m, DataType.FLOAT32);
        return encoder;
    }

    @Test
    void textEncoderMatchesDoubleReference() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            ModalityEncoder encoder = initialized(new BertTextEncoderProvider().create(TEXT, DIMS, TEXT_CONFIG), m);
            float[] out = encoder.encode(new ParameterStore(m, false), text(m, 0, 0), false).states().toFloatArray();
            Reference ref = new Reference(encoder);
            double[] words = ref.param("wordEmbeddings");
            double[] positions = ref.param("positionEmbeddings");
            double[] types = ref.param("typeEmbeddings");
            int[] ids = {1, 7, 2, 0};
            int[] typeIds = {0, 1, 0, 0};
            double[][] x = new double[4][H];
            for (int t = 0; t < 4; t++) {
                for (int i = 0; i < H; i++) {
                    x[t][i] = words[ids[t] * H + i] + positions[t * H + i] + types[typeIds[t] * H + i];
                }
            }
            x = Reference.layerNorm(x, ref.param("embeddingNorm_gamma"), ref.param("embeddingNorm_beta"), 1e-12);
            double[][] y = ref.postLnLayer("01layer0_", x, new float[] {1, 1, 1, 0}, 2, 1e-12);
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < H; i++) {
                    assertEquals(y[t][i], out[t * H + i], 1e-5, "token " + t + " dim " + i);
                }
            }
            for (int i = 3 * H; i < out.length; i++) {
                assertEquals(0f, out[i], 0f, "padded and missing positions are 0");
            }
        }
    }

    @Test
    void paddedAndMissingTokensChangeNothing() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            ModalityEncoder encoder = initialized(new BertTextEncoderProvider().create(TEXT, DIMS, TEXT_CONFIG), m);
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = encoder.encode(ps, text(m, 0, 0), false).states().toFloatArray();
            float[] b = encoder.encode(ps, text(m, 9, 6), false).states().toFloatArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0f);
        }
    }

    @Test
    void featureEncodersIgnorePaddedAndMissingFeatures() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            ParameterStore ps = new ParameterStore(m, false);
            for (ModalitySpec spec : new ModalitySpec[] {IMAGE, VIDEO}) {
                ModalityEncoder encoder = initialized(spec == IMAGE
                        ? new RegionTransformerProvider().create(spec, DIMS, FEATURE_CONFIG)
                        : new FrameTransformerProvider().create(spec, DIMS, FEATURE_CONFIG), m);
                float[] clean = encoder.encode(ps, features(m, spec, 0f), false).states().toFloatArray();
                float[] noisy = encoder.encode(ps, features(m, spec, 3f), false).states().toFloatArray();
                org.junit.jupiter.api.Assertions.assertArrayEquals(clean, noisy, 1e-6f, spec.name());
            }
        }
    }

    /** 2 samples: sample 0 has 2 of 3 positions, sample 1 is missing; masked positions hold {@code noise}. */
    private static ModalityBatch features(NDManager m, ModalitySpec spec, float noise) {
        Random rng = new Random(4);
        int d = spec.featureDim();
        float[] feats = new float[2 * 3 * d];
        float[] boxes = new float[2 * 3 * 5];
        for (int i = 0; i < feats.length; i++) {
            boolean real = i < 2 * d;
            feats[i] = real ? (float) rng.nextGaussian() : noise * (i % 7 - 3);
        }
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = i < 10 ? rng.nextFloat() : noise;
        }
        float[] mask = {1, 1, 0, 0, 0, 0};
        var inputs = new java.util.HashMap<String, NDArray>();
        inputs.put(TensorKeys.FEATS, m.create(feats, new Shape(2, 3, d)));
        if (spec.boxDim() > 0) {
            inputs.put(TensorKeys.BOXES, m.create(boxes, new Shape(2, 3, 5)));
        }
        return new ModalityBatch(spec.name(), m.create(new float[] {1, 0}), m.create(mask, new Shape(2, 3)), inputs,
                Map.of());
    }

    private static long count(Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
    }

    @Test
    void parameterCountsFollowTheFormulas() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            long layer = 4L * (H * H + H) + (H * 6L + 6) + (6L * H + H) + 4L * H;
            ModalityEncoder text = initialized(new BertTextEncoderProvider().create(TEXT, DIMS, TEXT_CONFIG), m);
            assertEquals((11 + 4 + 2) * H + 2 * H + layer, count(text));
            ModalityEncoder image = initialized(new RegionTransformerProvider().create(IMAGE, DIMS, FEATURE_CONFIG), m);
            assertEquals((6 * H + H) + (5 * H + H) + 2 * H + 2 * layer, count(image));
            ModalityEncoder video = initialized(new FrameTransformerProvider().create(VIDEO, DIMS, FEATURE_CONFIG), m);
            assertEquals((5 * H + H) + 3 * H + 2 * H + 2 * layer, count(video));
        }
    }

    @Test
    void sharingAsReleased() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            var textProvider = new BertTextEncoderProvider();
            ModalitySpec wideText = new ModalitySpec("text", "tokens", 5, 0, 0, VOCAB);
            ModalityEncoder text = textProvider.create(wideText, DIMS, TEXT_CONFIG);
            assertSame(text, textProvider.createShared(TABLE, DIMS, TEXT_CONFIG, text));
            ModalityEncoder image = initialized(new RegionTransformerProvider().create(IMAGE, DIMS, FEATURE_CONFIG), m);
            ModalityEncoder video = initialized(new FrameTransformerProvider().createShared(VIDEO, DIMS, FEATURE_CONFIG, image), m);
            // the video encoder owns only its embeddings; the layers stay with the image encoder
            assertEquals((5 * H + H) + 3 * H + 2 * H, count(video));
            var error = assertThrows(IllegalArgumentException.class,
                    () -> textProvider.createShared(TABLE, DIMS, TEXT_CONFIG, textProvider.create(TEXT, DIMS, TEXT_CONFIG)));
            assertEquals("model.share.table: 5 tokens exceed the shared encoder's 4 positions", error.getMessage());
        }
    }

    @Test
    void badConfigurationsFailWithTheRecipeKey() {
        var heads = assertThrows(IllegalArgumentException.class, () -> new BertTextEncoderProvider().create(TEXT, DIMS,
                new TokenEncoderConfig(1, 3, 6, "gelu", "post", 0, 0, 0, 2, 1e-12)));
        assertEquals("model.encoders.text: hidden size 4 is not divisible by heads 3", heads.getMessage());
        var kind = assertThrows(IllegalArgumentException.class,
                () -> new RegionTransformerProvider().create(VIDEO, DIMS, FEATURE_CONFIG));
        assertEquals("model.encoders.video: encoder 'region-transformer' accepts kinds [regions], but modality video"
                + " is of kind 'frames'", kind.getMessage());
        var activation = assertThrows(IllegalArgumentException.class,
                () -> new FeatureEncoderConfig(1, 2, 6, "swish", "post", 0, 0, 0, 1e-12));
        assertEquals("unknown activation 'swish'; allowed: [gelu, quick-gelu, relu]", activation.getMessage());
    }
}
