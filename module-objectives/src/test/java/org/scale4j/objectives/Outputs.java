package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.model.FusionOutput;
import org.scale4j.api.model.HarmonyWeights;
import org.scale4j.api.objective.ModelOutput;

/** Model outputs and batches built from explicit arrays, for objective tests. */
final class Outputs {

    private Outputs() {
    }

    static float[] gaussian(Random rng, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (rng.nextGaussian() * scale);
        }
        return out;
    }

    static float[] uniform(Random rng, int n, double low, double high) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (low + rng.nextDouble() * (high - low));
        }
        return out;
    }

    /**
     * A model output where only the given parts are real: contrastive features, pair weights,
     * fused states of one modality and task weights; the rest holds zeros of the right shape.
     */
    static ModelOutput output(NDManager m, List<String> names, float[] present, Map<String, NDArray> contrastive,
            NDArray pairWeights, Map<String, EncoderOutput> fused, NDArray modalityWeights) {
        int batch = present.length / names.size();
        NDArray presence = m.create(present, new Shape(batch, names.size()));
        SortedMap<String, EncoderOutput> fusedAll = new TreeMap<>();
        SortedMap<String, NDArray> contrastiveAll = new TreeMap<>();
        for (String name : names) {
            fusedAll.put(name, fused.getOrDefault(name,
                    new EncoderOutput(m.zeros(new Shape(batch, 1, 2)), m.zeros(new Shape(batch, 1)))));
            contrastiveAll.put(name, contrastive.getOrDefault(name, m.zeros(new Shape(batch, 2))));
        }
        NDArray pairs = pairWeights != null ? pairWeights : m.ones(new Shape(batch, names.size(), names.size()));
        NDArray weights = modalityWeights != null ? modalityWeights : m.ones(new Shape(batch, names.size()));
        HarmonyWeights harmony = new HarmonyWeights(names, pairs, weights);
        return new ModelOutput(names, presence, fusedAll, contrastiveAll, harmony, new FusionOutput(fusedAll), harmony);
    }

    static Batch batch(NDManager m, int size, Map<String, ModalityBatch> modalities) {
        List<String> ids = java.util.stream.IntStream.range(0, size).mapToObj(i -> "p" + i).toList();
        return new Batch(ids, new TreeMap<>(modalities), null, null, m.newSubManager());
    }
}
