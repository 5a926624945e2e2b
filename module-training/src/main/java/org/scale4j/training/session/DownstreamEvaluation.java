package org.scale4j.training.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.scale4j.training.eval.EmbeddingCombinations;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Similarity;
import org.scale4j.training.eval.classification.LinearProbe;
import org.scale4j.training.eval.classification.LinearProbeConfig;
import org.scale4j.training.eval.classification.ProbeResult;
import org.scale4j.training.eval.clustering.ClusteringMetrics;
import org.scale4j.training.eval.clustering.KMeans;
import org.scale4j.training.eval.clustering.KMeansConfig;
import org.scale4j.training.eval.clustering.KMeansResult;
import org.scale4j.training.eval.report.EvalReport;
import org.scale4j.training.eval.retrieval.RetrievalConfig;
import org.scale4j.training.eval.retrieval.RetrievalEvaluator;
import org.scale4j.training.eval.retrieval.RetrievalSet;

/**
 * The paper's downstream tasks (spec section 3) on extracted features: coarse and fine-grained
 * retrieval (leave-one-out within the evaluation split, as the released scripts do), a linear
 * probe trained on the training split, and k-means clustering with k = the number of classes.
 *
 * <p>Task names in the report: {@code retrieval-coarse/<combination>/<similarity>},
 * {@code retrieval-fine/<combination>/<similarity>}, {@code classification/<combination>},
 * {@code clustering/<combination>}. A combination is a plain sum of fused summaries
 * ({@code image+text}); {@code all} is every modality (for a single-modality run, its only one).
 */
public final class DownstreamEvaluation {

    /** Which tasks run. */
    public record Tasks(boolean retrieval, boolean classification, boolean clustering) {
    }

    private DownstreamEvaluation() {
    }

    /**
     * @param combinations modality subsets to evaluate; empty means each modality alone plus all
     * @param train features of the training split (for the probe), or {@code null} to skip it
     * @param test features of the evaluation split (the retrieval queries)
     * @param gallery features of a separate retrieval gallery, or {@code null} for leave-one-out
     *     retrieval within {@code test}
     */
    public static EvalReport evaluate(String runName, Tasks tasks, List<List<String>> combinations,
            List<Integer> topK, SplitFeatures train, SplitFeatures test, SplitFeatures gallery, long seed, int threads,
            Consumer<String> progress) {
        List<String> modalities = new ArrayList<>(test.summaries().keySet());
        List<List<String>> subsets = combinations.isEmpty() ? defaultSubsets(modalities) : combinations;
        Map<String, FeatureMatrix> testCombos = EmbeddingCombinations.combine(test.summaries(), test.presence(), subsets);
        Map<String, FeatureMatrix> trainCombos = train == null ? Map.of()
                : EmbeddingCombinations.combine(train.summaries(), train.presence(), subsets);
        Map<String, FeatureMatrix> galleryCombos = gallery == null ? Map.of()
                : EmbeddingCombinations.combine(gallery.summaries(), gallery.presence(), subsets);
        EvalReport.Builder report = EvalReport.builder(runName)
                .config("test-products", Integer.toString(test.size()))
                .config("retrieval", gallery == null ? "leave-one-out" : "queries vs gallery of " + gallery.size())
                .config("seed", Long.toString(seed));
        for (Map.Entry<String, FeatureMatrix> combo : testCombos.entrySet()) {
            String name = displayName(combo.getKey(), modalities);
            progress.accept("  evaluating " + name);
            if (tasks.retrieval()) {
                for (Similarity similarity : Similarity.values()) {
                    RetrievalConfig config = new RetrievalConfig(similarity, topK, 64, 256, threads);
                    FeatureMatrix galleryFeatures = galleryCombos.get(combo.getKey());
                    retrieval(report, "retrieval-coarse/" + name + "/" + similarity.label(), combo.getValue(), test.ids(),
                            test.category(), galleryFeatures, gallery == null ? null : gallery.ids(),
                            gallery == null ? null : gallery.category(), config);
                    retrieval(report, "retrieval-fine/" + name + "/" + similarity.label(), combo.getValue(), test.ids(),
                            test.productGroup(), galleryFeatures, gallery == null ? null : gallery.ids(),
                            gallery == null ? null : gallery.productGroup(), config);
                }
            }
            if (tasks.classification() && train != null) {
                classification(report, "classification/" + name, trainCombos.get(combo.getKey()), train.category(),
                        combo.getValue(), test.category(), threads);
            }
            if (tasks.clustering()) {
                clustering(report, "clustering/" + name, combo.getValue(), test.category(), seed, threads);
            }
        }
        return report.build();
    }

    /** Each modality alone, then all of them together. */
    static List<List<String>> defaultSubsets(List<String> modalities) {
        List<List<String>> subsets = new ArrayList<>();
        for (String m : modalities) {
            subsets.add(List.of(m));
        }
        if (modalities.size() > 1) {
            subsets.add(List.copyOf(modalities));
        }
        return subsets;
    }

    /**
     * {@code all} for the combination of every modality, so runs over different modality sets
     * compare on one row; a single-modality run's only combination is {@code all} too.
     */
    static String displayName(String combination, Collection<String> modalities) {
        return combination.equals(EmbeddingCombinations.name(modalities)) ? "all" : combination;
    }

    private static void retrieval(EvalReport.Builder report, String task, FeatureMatrix features, String[] ids,
            long[] labels, FeatureMatrix galleryFeatures, String[] galleryIds, long[] galleryLabels,
            RetrievalConfig config) {
        int[] rows = labelled(labels);
        if (rows.length < 2) {
            return;
        }
        RetrievalSet queries = new RetrievalSet(task, select(features, rows), select(ids, rows),
                selectLabels(labels, rows));
        if (galleryFeatures == null) {
            report.metrics(task, RetrievalEvaluator.leaveOneOut(queries, config).metrics());
            return;
        }
        int[] galleryRows = labelled(galleryLabels);
        if (galleryRows.length == 0) {
            return;
        }
        RetrievalSet gallerySet = new RetrievalSet(task + " gallery", select(galleryFeatures, galleryRows),
                select(galleryIds, galleryRows), selectLabels(galleryLabels, galleryRows));
        report.metrics(task, RetrievalEvaluator.evaluate(queries, gallerySet, config).metrics());
    }

    private static void classification(EvalReport.Builder report, String task, FeatureMatrix trainX, long[] trainLabels,
            FeatureMatrix testX, long[] testLabels, int threads) {
        int[] trainRows = labelled(trainLabels);
        int[] testRows = labelled(testLabels);
        int classes = 1 + (int) Math.max(max(trainLabels), max(testLabels));
        if (trainRows.length == 0 || testRows.length == 0 || classes < 2) {
            return;
        }
        ProbeResult result = LinearProbe.evaluate(select(trainX, trainRows), toInt(selectLabels(trainLabels, trainRows)),
                select(testX, testRows), toInt(selectLabels(testLabels, testRows)), classes,
                LinearProbeConfig.defaults().withThreads(threads));
        report.metrics(task, result.metrics());
    }

    private static void clustering(EvalReport.Builder report, String task, FeatureMatrix x, long[] labels, long seed,
            int threads) {
        int[] rows = labelled(labels);
        int[] classes = toInt(selectLabels(labels, rows));
        int k = (int) java.util.Arrays.stream(classes).distinct().count();
        if (k < 2 || rows.length <= k) {
            return;
        }
        KMeansResult result = KMeans.fit(select(x, rows), KMeansConfig.of(k, seed).withThreads(threads));
        Map<String, Double> metrics = new LinkedHashMap<>(ClusteringMetrics.all(classes, result.assignments()));
        metrics.put("k", (double) k);
        report.metrics(task, metrics);
    }

    private static int[] labelled(long[] labels) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
    }

    private static long max(long[] values) {
        long max = -1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static FeatureMatrix select(FeatureMatrix m, int[] rows) {
        float[] data = new float[rows.length * m.dim()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data(), m.offset(rows[i]), data, i * m.dim(), m.dim());
        }
        return new FeatureMatrix(data, rows.length, m.dim());
    }

    private static String[] select(String[] values, int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static long[] selectLabels(long[] values, int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] toInt(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.toIntExact(values[i]);
        }
        return out;
    }

    /** Parses recipe combinations such as {@code text+image} into sorted subsets. */
    public static List<List<String>> parseCombinations(List<String> combinations) {
        List<List<String>> out = new ArrayList<>();
        for (String c : combinations) {
            out.add(List.copyOf(new java.util.TreeSet<>(List.of(c.split("\\+")))));
        }
        return out;
    }

}
