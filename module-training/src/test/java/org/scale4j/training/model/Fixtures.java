package org.scale4j.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.modality.Vocabulary;

/** Tiny five-modality batches with padding, missing modalities and masked targets, from a seed. */
final class Fixtures {

    static final Vocabulary VOCAB = new Vocabulary(30, 0, 1, 2, 3, 4);

    /** text tokens T=6, table key-value T=8, image regions T=4 D=6, video frames T=3 D=5, audio frames T=4 D=4. */
    static List<ModalitySpec> specs() {
        return List.of(
                new ModalitySpec("audio", "frames", 4, 4, 0, null),
                new ModalitySpec("image", "regions", 4, 6, 5, null),
                new ModalitySpec("table", "key-value", 8, 0, 0, VOCAB),
                new ModalitySpec("text", "tokens", 6, 0, 0, VOCAB),
                new ModalitySpec("video", "frames", 3, 5, 0, null));
    }

    /** Presence per sample (rows) and modality in sorted order audio, image, table, text, video. */
    static final int[][] PRESENCE = {
        {1, 1, 1, 1, 1}, {1, 1, 1, 1, 0}, {0, 1, 0, 1, 1}, {0, 0, 0, 1, 0},
        {1, 1, 1, 1, 1}, {1, 0, 1, 1, 1}, {0, 1, 1, 0, 1}, {1, 1, 1, 1, 1},
    };

    private Fixtures() {
    }

    static Batch batch(NDManager parent, int size, long seed) {
        NDManager manager = parent.newSubManager();
        Random rng = new Random(seed);
        List<ModalitySpec> specs = specs();
        SortedMap<String, ModalityBatch> modalities = new TreeMap<>();
        for (int m = 0; m < specs.size(); m++) {
            ModalitySpec spec = specs.get(m);
            float[] present = new float[size];
            int[] lengths = new int[size];
            for (int b = 0; b < size; b++) {
                present[b] = PRESENCE[b % PRESENCE.length][m];
                lengths[b] = present[b] > 0 ? 2 + rng.nextInt(spec.tokens() - 1) : 0;
            }
            modalities.put(spec.name(), spec.isTokenKind()
                    ? tokens(spec, present, lengths, rng, manager)
                    : features(spec, present, lengths, rng, manager));
        }
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            ids.add("p" + b);
        }
        return new Batch(ids, modalities, null, null, manager);
    }

    private static float[] mask(int size, int tokens, int[] lengths) {
        float[] mask = new float[size * tokens];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[b * tokens + t] = 1f;
            }
        }
        return mask;
    }

    private static ModalityBatch tokens(ModalitySpec spec, float[] present, int[] lengths, Random rng, NDManager m) {
        int size = present.length;
        int tokens = spec.tokens();
        long[] ids = new long[size * tokens];
        long[] types = new long[size * tokens];
        long[] labels = new long[size * tokens];
        java.util.Arrays.fill(labels, -1);
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int i = b * tokens + t;
                boolean edge = t == 0 || t == lengths[b] - 1;
                ids[i] = t == 0 ? 1 : t == lengths[b] - 1 ? 2 : 5 + rng.nextInt(25);
                types[i] = spec.kind().equals("key-value") ? t % 2 : 0;
                if (!edge && rng.nextDouble() < 0.4) {
                    labels[i] = ids[i];
                    ids[i] = 3;
                }
            }
        }
        Shape shape = new Shape(size, tokens);
        Map<String, NDArray> inputs = new HashMap<>();
        inputs.put(TensorKeys.IDS, m.create(ids, shape));
        inputs.put(TensorKeys.TYPES, m.create(types, shape));
        return new ModalityBatch(spec.name(), m.create(present), m.create(mask(size, tokens, lengths), shape), inputs,
                Map.of(TensorKeys.LABELS, m.create(labels, shape)));
    }

    private static ModalityBatch features(ModalitySpec spec, float[] present, int[] lengths, Random rng, NDManager m) {
        int size = present.length;
        int tokens = spec.tokens();
        int dim = spec.featureDim();
        float[] target = new float[size * tokens * dim];
        float[] boxes = new float[size * tokens * Math.max(spec.boxDim(), 1)];
        float[] masked = new float[size * tokens];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                boolean zeroed = t > 0 && rng.nextDouble() < 0.4;
                masked[b * tokens + t] = zeroed ? 1f : 0f;
                for (int d = 0; d < dim; d++) {
                    int i = (b * tokens + t) * dim + d;
                    target[i] = (float) (rng.nextGaussian() * 0.5);
                }
                for (int d = 0; d < spec.boxDim(); d++) {
                    boxes[(b * tokens + t) * spec.boxDim() + d] = rng.nextFloat();
                }
            }
        }
        // As the Arrow collators hand them: unmasked features that are also the target, and the
        // rows the model must zero (here every masked row)
        NDArray feats = m.create(target, new Shape(size, tokens, dim));
        Map<String, NDArray> inputs = new HashMap<>();
        inputs.put(TensorKeys.FEATS, feats);
        inputs.put(TensorKeys.DROPPED, m.create(masked, new Shape(size, tokens)));
        if (spec.boxDim() > 0) {
            inputs.put(TensorKeys.BOXES, m.create(boxes, new Shape(size, tokens, spec.boxDim())));
        }
        return new ModalityBatch(spec.name(), m.create(present), m.create(mask(size, tokens, lengths),
                new Shape(size, tokens)), inputs,
                Map.of(TensorKeys.TARGET, feats, TensorKeys.MASKED, m.create(masked, new Shape(size, tokens))));
    }

    /**
     * The same batch with the dropped feature rows zeroed by hand in a copy of the features and no
     * {@link TensorKeys#DROPPED} input: the masked input as collators wrote it before the model
     * formed it. Targets are the same arrays.
     */
    static Batch zeroedByHand(Batch batch, NDManager parent) {
        NDManager manager = parent.newSubManager();
        SortedMap<String, ModalityBatch> modalities = new TreeMap<>();
        for (ModalityBatch m : batch.modalities().values()) {
            Map<String, NDArray> inputs = new HashMap<>(m.inputs());
            NDArray dropped = inputs.remove(TensorKeys.DROPPED);
            if (dropped != null) {
                float[] feats = m.input(TensorKeys.FEATS).toFloatArray();
                float[] drop = dropped.toFloatArray();
                int dim = feats.length / drop.length;
                for (int i = 0; i < feats.length; i++) {
                    if (drop[i / dim] != 0f) {
                        feats[i] = 0f;
                    }
                }
                inputs.put(TensorKeys.FEATS, manager.create(feats, m.input(TensorKeys.FEATS).getShape()));
            }
            modalities.put(m.modality(), new ModalityBatch(m.modality(), m.present(), m.mask(), inputs, m.targets()));
        }
        return new Batch(batch.ids(), modalities, batch.category(), batch.productGroup(), manager);
    }

    /**
     * The same batch with garbage wherever the key mask is 0: padded positions of present samples
     * and every position of missing modalities (ids, types, features, boxes). Targets are kept.
     */
    static Batch garbageWhereMasked(Batch batch, NDManager parent, long seed) {
        NDManager manager = parent.newSubManager();
        Random rng = new Random(seed);
        SortedMap<String, ModalityBatch> modalities = new TreeMap<>();
        for (ModalityBatch m : batch.modalities().values()) {
            float[] mask = m.mask().toFloatArray();
            Map<String, NDArray> inputs = new HashMap<>();
            m.inputs().forEach((key, array) -> {
                if (key.equals(TensorKeys.DROPPED)) {
                    inputs.put(key, array.duplicate());
                    inputs.get(key).attach(manager);
                    return; // garbage goes into the features, which the model must ignore at padding
                }
                Shape shape = array.getShape();
                int inner = (int) (shape.size() / mask.length);
                if (array.getDataType() == ai.djl.ndarray.types.DataType.INT64) {
                    long[] values = array.toLongArray();
                    for (int i = 0; i < values.length; i++) {
                        if (mask[i / inner] == 0) {
                            values[i] = key.equals(TensorKeys.TYPES) ? 1 : 5 + rng.nextInt(25);
                        }
                    }
                    inputs.put(key, manager.create(values, shape));
                } else {
                    float[] values = array.toFloatArray();
                    for (int i = 0; i < values.length; i++) {
                        if (mask[i / inner] == 0) {
                            values[i] = (float) rng.nextGaussian() * 3;
                        }
                    }
                    inputs.put(key, manager.create(values, shape));
                }
            });
            Map<String, NDArray> targets = new HashMap<>();
            m.targets().forEach((key, array) -> targets.put(key, array.duplicate()));
            targets.values().forEach(a -> a.attach(manager));
            modalities.put(m.modality(), new ModalityBatch(m.modality(), m.present().duplicate(),
                    m.mask().duplicate(), inputs, targets));
            modalities.get(m.modality()).present().attach(manager);
            modalities.get(m.modality()).mask().attach(manager);
        }
        return new Batch(batch.ids(), modalities, null, null, manager);
    }
}
