package org.scale4j.training.model.bench;

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

/**
 * Synthetic collated batches for the benchmark: every modality present in 80% of samples,
 * lengths between half and all of the positions, 15% of real positions masked with targets.
 */
public final class BenchBatches {

    private BenchBatches() {
    }

    public static Batch batch(List<ModalitySpec> specs, int size, long seed, NDManager manager) {
        Random rng = new Random(seed);
        SortedMap<String, ModalityBatch> modalities = new TreeMap<>();
        for (ModalitySpec spec : specs) {
            int tokens = spec.tokens();
            float[] present = new float[size];
            float[] mask = new float[size * tokens];
            float[] masked = new float[size * tokens];
            long[] ids = new long[size * tokens];
            long[] labels = new long[size * tokens];
            java.util.Arrays.fill(labels, -1);
            int dim = Math.max(spec.featureDim(), 1);
            float[] feats = new float[size * tokens * dim];
            float[] boxes = new float[size * tokens * Math.max(spec.boxDim(), 1)];
            for (int b = 0; b < size; b++) {
                present[b] = rng.nextDouble() < 0.8 || b == 0 ? 1 : 0;
                int length = present[b] > 0 ? Math.max(2, tokens / 2 + rng.nextInt(tokens / 2 + 1)) : 0;
                for (int t = 0; t < length; t++) {
                    int i = b * tokens + t;
                    mask[i] = 1;
                    boolean select = t > 0 && rng.nextDouble() < 0.15;
                    masked[i] = select ? 1 : 0;
                    if (spec.isTokenKind()) {
                        ids[i] = 5 + rng.nextInt(spec.vocab().size() - 5);
                        labels[i] = select ? ids[i] : -1;
                    }
                    for (int d = 0; d < spec.featureDim(); d++) {
                        feats[i * dim + d] = (float) rng.nextGaussian();
                    }
                    for (int d = 0; d < spec.boxDim(); d++) {
                        boxes[i * spec.boxDim() + d] = rng.nextFloat();
                    }
                }
            }
            Shape shape = new Shape(size, tokens);
            Map<String, NDArray> inputs = new HashMap<>();
            Map<String, NDArray> targets = new HashMap<>();
            if (spec.isTokenKind()) {
                inputs.put(TensorKeys.IDS, manager.create(ids, shape));
                inputs.put(TensorKeys.TYPES, manager.zeros(shape, ai.djl.ndarray.types.DataType.INT64));
                targets.put(TensorKeys.LABELS, manager.create(labels, shape));
            } else {
                NDArray f = manager.create(feats, new Shape(size, tokens, dim));
                inputs.put(TensorKeys.FEATS, f);
                inputs.put(TensorKeys.DROPPED, manager.create(masked, shape)); // every masked row, as MFM/MAM drop them
                targets.put(TensorKeys.TARGET, f);
                targets.put(TensorKeys.MASKED, manager.create(masked, shape));
                if (spec.boxDim() > 0) {
                    inputs.put(TensorKeys.BOXES, manager.create(boxes, new Shape(size, tokens, spec.boxDim())));
                }
            }
            modalities.put(spec.name(), new ModalityBatch(spec.name(), manager.create(present),
                    manager.create(mask, shape), inputs, targets));
        }
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            ids.add("p" + b);
        }
        return new Batch(ids, modalities, null, null, manager);
    }
}
