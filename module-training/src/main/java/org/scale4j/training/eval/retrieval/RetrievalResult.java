package org.scale4j.training.eval.retrieval;

import java.util.Collections;
import java.util.Map;

/**
 * Retrieval metrics plus the ranking they came from.
 *
 * <p>{@link #metrics()} holds, in this order, for each k: {@code mAP@k}, then {@code Prec@k} (toolkit definition,
 * fractions in [0, 1], not x100), then {@code std-mAP@k} and {@code std-Prec@k} (standard definition), then
 * {@code queries} and {@code queries-without-positives} (queries with no relevant gallery item besides themselves;
 * they count as 0 in the toolkit means and are left out of {@code std-mAP@k}).
 *
 * @param metrics metric name to value, in a fixed order, unmodifiable
 * @param topK top {@code max_topk + 1} gallery rows per query, self included, best first
 * @param selfIndex per query, the gallery row with the query's own id, or -1
 * @param maxK the toolkit's {@code max_topk}
 */
public record RetrievalResult(Map<String, Double> metrics, TopK topK, int[] selfIndex, int maxK) {

    public RetrievalResult {
        metrics = Collections.unmodifiableMap(metrics);
    }

    /**
     * The toolkit's rank list for query {@code q}: the top {@code max_topk} gallery rows with the query's own row
     * dropped (the line {@code qid,id1,id2,...} that {@code retrieval_unit_id_list_v2.py} writes).
     */
    public int[] toolkitRankList(int q) {
        int n = Math.min(maxK, topK.width());
        int[] tmp = new int[n];
        int len = 0;
        for (int r = 0; r < n; r++) {
            int g = topK.index(q, r);
            if (g != selfIndex[q]) {
                tmp[len++] = g;
            }
        }
        return java.util.Arrays.copyOf(tmp, len);
    }

    /** The standard rank list for query {@code q}: the best {@code max_topk} gallery rows other than itself. */
    public int[] standardRankList(int q) {
        int[] tmp = new int[maxK];
        int len = 0;
        for (int r = 0; r < topK.width() && len < maxK; r++) {
            int g = topK.index(q, r);
            if (g != selfIndex[q]) {
                tmp[len++] = g;
            }
        }
        return java.util.Arrays.copyOf(tmp, len);
    }

    /**
     * The toolkit's retrieval file: one line {@code qid,id1,id2,...} per query, the rank list of
     * {@link #toolkitRankList} written with ids, as {@code retrieval_unit_id_list_v2.py} writes it; feed it to the
     * official {@code evaluate_unit_v2.py} to cross-check the numbers.
     */
    public String toolkitRankListText(RetrievalSet queries, RetrievalSet gallery) {
        if (queries.size() != topK.queries()) {
            throw new IllegalArgumentException("this result has " + topK.queries() + " queries, " + queries.name()
                    + " has " + queries.size());
        }
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < queries.size(); q++) {
            b.append(queries.ids()[q]);
            for (int g : toolkitRankList(q)) {
                b.append(',').append(gallery.ids()[g]);
            }
            b.append('\n');
        }
        return b.toString();
    }
}
