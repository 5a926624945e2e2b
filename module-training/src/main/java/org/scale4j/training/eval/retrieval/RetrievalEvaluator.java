package org.scale4j.training.eval.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scale4j.training.eval.FeatureMatrix;

/**
 * Runs one retrieval task (spec 3.3) and computes the toolkit and standard metrics.
 *
 * <p>Two protocols:
 * <ul>
 *   <li>{@link #leaveOneOut}: the query set is the gallery, as the released SCALE scripts do (coarse on the test
 *       subset, fine-grained on {@code query_fg}); each query's own row is dropped from its ranking.</li>
 *   <li>{@link #evaluate}: separate query and gallery sets, as the official splits define them. A gallery row with
 *       the query's id is still dropped, exactly as the toolkit drops ids equal to the query's.</li>
 * </ul>
 *
 * <p>|P(q)| for the toolkit metrics counts the ids with the query's label over the union of query and gallery ids
 * (each id once), which is what the toolkit's ground-truth file holds when it covers exactly the evaluated ids; it
 * only matters when |P(q)| is smaller than k.
 */
public final class RetrievalEvaluator {

    private RetrievalEvaluator() {
    }

    /** Leave-one-out retrieval within one set (query set = gallery). */
    public static RetrievalResult leaveOneOut(RetrievalSet set, RetrievalConfig config) {
        return evaluate(set, set, config);
    }

    /** Retrieval of {@code queries} against {@code gallery}; pass the same set twice for leave-one-out. */
    public static RetrievalResult evaluate(RetrievalSet queries, RetrievalSet gallery, RetrievalConfig config) {
        if (queries.features().dim() != gallery.features().dim()) {
            throw new IllegalArgumentException(queries.name() + " has dim " + queries.features().dim() + " but "
                    + gallery.name() + " has dim " + gallery.features().dim()
                    + "; extract both with the same model and combination");
        }
        Map<String, Integer> galleryRowOfId = indexIds(gallery);
        queries.features().requireFinite(queries.name());
        FeatureMatrix g = config.similarity().prepare(gallery.features());
        FeatureMatrix q;
        if (queries == gallery) {
            q = g;
        } else {
            gallery.features().requireFinite(gallery.name());
            q = config.similarity().prepare(queries.features());
        }
        int maxK = config.maxK();
        // One extra so the standard list still holds max_topk items after the query's own row is dropped.
        TopK top = BlockedTopK.search(q, g, maxK + 1, config.blockQueries(), config.blockGallery(),
                config.threads());

        int nq = queries.size();
        int[] selfIndex = new int[nq];
        for (int i = 0; i < nq; i++) {
            selfIndex[i] = galleryRowOfId.getOrDefault(queries.ids()[i], -1);
        }
        Map<Long, Integer> galleryCounts = labelCounts(gallery.labels());
        Map<Long, Integer> universeCounts = new HashMap<>(galleryCounts);
        Set<String> seenQueryIds = new HashSet<>();
        for (int i = 0; i < nq; i++) {
            if (selfIndex[i] < 0 && seenQueryIds.add(queries.ids()[i])) {
                universeCounts.merge(queries.labels()[i], 1, Integer::sum);
            }
        }

        List<Integer> ks = config.ks();
        double[] tkAp = new double[ks.size()];
        double[] tkPrec = new double[ks.size()];
        double[] stdAp = new double[ks.size()];
        double[] stdPrec = new double[ks.size()];
        int withoutPositives = 0;
        RetrievalResult shell = new RetrievalResult(new LinkedHashMap<>(), top, selfIndex, maxK);
        for (int i = 0; i < nq; i++) {
            long label = queries.labels()[i];
            boolean[] tkHits = hits(shell.toolkitRankList(i), gallery.labels(), label);
            boolean[] stdHits = hits(shell.standardRankList(i), gallery.labels(), label);
            int positives = universeCounts.getOrDefault(label, 0); // |P(q)|, the query included
            int relevant = galleryCounts.getOrDefault(label, 0)
                    - (selfIndex[i] >= 0 && gallery.labels()[selfIndex[i]] == label ? 1 : 0);
            if (relevant == 0) {
                withoutPositives++;
            }
            for (int j = 0; j < ks.size(); j++) {
                int k = ks.get(j);
                tkAp[j] += ToolkitRetrievalMetrics.averagePrecision(tkHits, k, positives);
                tkPrec[j] += ToolkitRetrievalMetrics.precision(tkHits, k, positives);
                stdPrec[j] += StandardRetrievalMetrics.precision(stdHits, k);
                if (relevant > 0) {
                    stdAp[j] += StandardRetrievalMetrics.averagePrecision(stdHits, k, relevant);
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        int withPositives = nq - withoutPositives;
        for (int j = 0; j < ks.size(); j++) {
            metrics.put("mAP@" + ks.get(j), nq == 0 ? 0.0 : tkAp[j] / nq);
        }
        for (int j = 0; j < ks.size(); j++) {
            metrics.put("Prec@" + ks.get(j), nq == 0 ? 0.0 : tkPrec[j] / nq);
        }
        for (int j = 0; j < ks.size(); j++) {
            metrics.put("std-mAP@" + ks.get(j), withPositives == 0 ? 0.0 : stdAp[j] / withPositives);
        }
        for (int j = 0; j < ks.size(); j++) {
            metrics.put("std-Prec@" + ks.get(j), nq == 0 ? 0.0 : stdPrec[j] / nq);
        }
        metrics.put("queries", (double) nq);
        metrics.put("queries-without-positives", (double) withoutPositives);
        return new RetrievalResult(metrics, top, selfIndex, maxK);
    }

    private static boolean[] hits(int[] rankList, long[] galleryLabels, long label) {
        boolean[] h = new boolean[rankList.length];
        for (int r = 0; r < rankList.length; r++) {
            h[r] = galleryLabels[rankList[r]] == label;
        }
        return h;
    }

    private static Map<String, Integer> indexIds(RetrievalSet gallery) {
        Map<String, Integer> m = new HashMap<>(gallery.size() * 2);
        String[] ids = gallery.ids();
        for (int r = 0; r < ids.length; r++) {
            Integer prev = m.putIfAbsent(ids[r], r);
            if (prev != null) {
                throw new IllegalArgumentException(gallery.name() + ": id '" + ids[r] + "' appears in rows " + prev
                        + " and " + r + "; gallery ids must be unique");
            }
        }
        return m;
    }

    private static Map<Long, Integer> labelCounts(long[] labels) {
        Map<Long, Integer> m = new HashMap<>();
        for (long l : labels) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }
}
