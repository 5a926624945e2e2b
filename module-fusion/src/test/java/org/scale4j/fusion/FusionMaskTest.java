package org.scale4j.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.Fusion;
import org.scale4j.api.model.FusionOutput;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.plugin.NoConfig;
import org.scale4j.fusion.config.JointCoTransformerConfig;

/** Per-sample masks: padded tokens and missing modalities change no fused output; spec quirk Q8 is fixed. */
class FusionMaskTest {

    private static final int B = 3;
    private static final int H = 8;
    private static final List<ModalitySpec> SPECS = List.of(
            new ModalitySpec("image", "regions", 3, 4, 5, null), new ModalitySpec("text", "tokens", 4, 0, 0, null));
    /** lengths per sample: image {3, 0 (missing), 2}, text {4, 2, 3}. */
    private static final int[][] LENGTHS = {{3, 0, 2}, {4, 2, 3}};
    private static final ModelDims DIMS = new ModelDims(H, 0f, 0.2f);

    private static List<Fusion> fusions() {
        return List.of(
                new JointCoTransformerProvider().create(SPECS, DIMS, new JointCoTransformerConfig(2, 2, 0, 16, 0, 0, 1e-5)),
                new MeanPoolFusionProvider().create(SPECS, DIMS, new NoConfig()),
                new ConcatProjectFusionProvider().create(SPECS, DIMS, new NoConfig()),
                new LateSumFusionProvider().create(SPECS, DIMS, new NoConfig()));
    }

    private static SortedMap<String, EncoderOutput> inputs(NDManager m, long seed, boolean garbageInMasked) {
        Random rng = new Random(seed);
        Random garbage = new Random(seed + 1000);
        SortedMap<String, EncoderOutput> out = new TreeMap<>();
        for (int s = 0; s < SPECS.size(); s++) {
            int tokens = SPECS.get(s).tokens();
            float[] states = new float[B * tokens * H];
            float[] mask = new float[B * tokens];
            for (int b = 0; b < B; b++) {
                for (int t = 0; t < tokens; t++) {
                    boolean real = t < LENGTHS[s][b];
                    mask[b * tokens + t] = real ? 1 : 0;
                    for (int h = 0; h < H; h++) {
                        float value = (float) rng.nextGaussian();
                        states[(b * tokens + t) * H + h] = real ? value : garbageInMasked ? 5 * (float) garbage.nextGaussian() : 0;
                    }
                }
            }
            out.put(SPECS.get(s).name(), new EncoderOutput(m.create(states, new Shape(B, tokens, H)),
                    m.create(mask, new Shape(B, tokens))));
        }
        return out;
    }

    @Test
    void paddedAndMissingDataChangeNoOutput() {
        for (Fusion fusion : fusions()) {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                Engine.getInstance().setRandomSeed(1);
                fusion.initialize(m, DataType.FLOAT32);
                NDArray present = m.create(new float[] {1, 1, 0, 1, 1, 1}, new Shape(B, 2));
                ParameterStore ps = new ParameterStore(m, false);
                FusionOutput clean = fusion.fuse(ps, inputs(m, 3, false), present, false);
                FusionOutput noisy = fusion.fuse(ps, inputs(m, 3, true), present, false);
                for (ModalitySpec spec : SPECS) {
                    float[] a = clean.of(spec.name()).states().toFloatArray();
                    float[] b = noisy.of(spec.name()).states().toFloatArray();
                    assertArrayEquals(a, b, 1e-6f, fusion.getClass().getSimpleName() + " " + spec.name());
                }
                // the missing image of sample 1 has all-zero fused states; the fusion mixes modalities
                float[] image = clean.of("image").states().get("1").toFloatArray();
                for (float v : image) {
                    assertEquals(0f, v, 0f);
                }
            }
        }
    }

    @Test
    void eachSampleSeesOnlyItsOwnMasks() {
        // spec quirk Q8 mixes masks across samples when B > 1; here sample 0 fused alone equals
        // sample 0 fused in a batch whose other samples have different padding
        Fusion fusion = fusions().get(0);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Engine.getInstance().setRandomSeed(1);
            fusion.initialize(m, DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(m, false);
            SortedMap<String, EncoderOutput> batch = inputs(m, 5, false);
            SortedMap<String, EncoderOutput> first = new TreeMap<>();
            batch.forEach((k, v) -> first.put(k, new EncoderOutput(v.states().get("0:1"), v.mask().get("0:1"))));
            NDArray present = m.create(new float[] {1, 1, 0, 1, 1, 1}, new Shape(B, 2));
            float[] together = fusion.fuse(ps, batch, present, false).of("text").states().get("0").toFloatArray();
            float[] alone = fusion.fuse(ps, first, present.get("0:1"), false).of("text").states().get("0").toFloatArray();
            assertArrayEquals(together, alone, 1e-5f);
        }
    }

    @Test
    void jointCoTransformerMixesModalitiesAndHasTheExpectedSize() {
        Fusion fusion = fusions().get(0);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            fusion.initialize(m, DataType.FLOAT32);
            long count = fusion.getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
            // positions 16·H + 2 layers × [4(H²+H) + (H·4H + 4H) + (4H·H + H) + 4H]
            long layer = 4L * (H * H + H) + (H * 4L * H + 4L * H) + (4L * H * H + H) + 4L * H;
            assertEquals(16L * H + 2 * layer, count);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray present = m.create(new float[] {1, 1, 0, 1, 1, 1}, new Shape(B, 2));
            SortedMap<String, EncoderOutput> in = inputs(m, 7, false);
            SortedMap<String, EncoderOutput> changed = new TreeMap<>(in);
            changed.put("image", new EncoderOutput(in.get("image").states().mul(2), in.get("image").mask()));
            float[] a = fusion.fuse(ps, in, present, false).of("text").states().get("0").toFloatArray();
            float[] b = fusion.fuse(ps, changed, present, false).of("text").states().get("0").toFloatArray();
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff += Math.abs(a[i] - b[i]);
            }
            assertTrue(diff > 1e-3, "text attends to the image of its sample");
        }
    }
}
