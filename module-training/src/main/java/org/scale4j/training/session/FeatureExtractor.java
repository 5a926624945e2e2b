package org.scale4j.training.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.model.EvalFeatures;
import org.scale4j.training.model.ScaleModel;

/**
 * Runs the model without masking and in eval mode over a split and keeps each modality's fused
 * summary on the host (spec 3.2).
 */
public final class FeatureExtractor {

    private FeatureExtractor() {
    }

    /**
     * @param maxSamples stop after this many products (0 = the whole split)
     * @param progress receives one line every few batches
     */
    public static SplitFeatures extract(ScaleModel model, Dataset dataset, String split, int batchSize, int maxSamples,
            long seed, NDManager manager, Consumer<String> progress) {
        long total = dataset.size(split);
        long limit = maxSamples > 0 ? Math.min(total, maxSamples) : total;
        BatchOptions options = new BatchOptions(batchSize, false, seed, List.of(), false, false, 2);
        List<String> ids = new ArrayList<>();
        List<Long> categories = new ArrayList<>();
        List<Long> groups = new ArrayList<>();
        Map<String, List<float[]>> rows = new TreeMap<>();
        Map<String, List<Boolean>> present = new TreeMap<>();
        int hidden = -1;
        long lastReport = System.nanoTime();
        ParameterStore store = new ParameterStore(manager, false);
        try (BatchStream stream = dataset.stream(split, options, DataPosition.START)) {
            while (stream.hasNext() && ids.size() < limit) {
                try (Batch batch = stream.next(manager)) {
                    EvalFeatures features = model.forwardEval(store, batch);
                    int take = (int) Math.min(batch.size(), limit - ids.size());
                    ids.addAll(batch.ids().subList(0, take));
                    addLabels(categories, batch.category(), take);
                    addLabels(groups, batch.productGroup(), take);
                    float[] presentFlags = features.present().toFloatArray();
                    int m = features.modalities().size();
                    for (int j = 0; j < m; j++) {
                        String name = features.modalities().get(j);
                        NDArray summary = features.fusedSummaries().get(name);
                        hidden = (int) summary.getShape().get(1);
                        float[] flat = summary.toFloatArray();
                        List<float[]> list = rows.computeIfAbsent(name, k -> new ArrayList<>());
                        List<Boolean> flags = present.computeIfAbsent(name, k -> new ArrayList<>());
                        for (int b = 0; b < take; b++) {
                            float[] row = new float[hidden];
                            System.arraycopy(flat, b * hidden, row, 0, hidden);
                            list.add(row);
                            flags.add(presentFlags[b * m + j] > 0.5f);
                        }
                    }
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    progress.accept("  features of " + split + ": " + ids.size() + "/" + limit);
                    lastReport = System.nanoTime();
                }
            }
        }
        Map<String, FeatureMatrix> summaries = new LinkedHashMap<>();
        Map<String, boolean[]> presence = new LinkedHashMap<>();
        for (String name : rows.keySet()) {
            summaries.put(name, FeatureMatrix.of(rows.get(name).toArray(new float[0][])));
            List<Boolean> flags = present.get(name);
            boolean[] p = new boolean[flags.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = flags.get(i);
            }
            presence.put(name, p);
        }
        return new SplitFeatures(ids.toArray(new String[0]), toArray(categories), toArray(groups), summaries, presence);
    }

    private static void addLabels(List<Long> out, NDArray labels, int take) {
        if (labels == null) {
            for (int i = 0; i < take; i++) {
                out.add(-1L);
            }
            return;
        }
        long[] values = labels.toLongArray();
        for (int i = 0; i < take; i++) {
            out.add(values[i]);
        }
    }

    private static long[] toArray(List<Long> list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
