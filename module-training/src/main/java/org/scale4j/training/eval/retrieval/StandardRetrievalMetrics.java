package org.scale4j.training.eval.retrieval;

/**
 * The common (standard) Prec@k and AP@k, reported beside the toolkit's.
 *
 * <p>The rank list here excludes the query itself and is the full top-k of the remaining gallery (so it holds k
 * items whenever the gallery has them; the evaluator retrieves {@code max_topk + 1} to make that possible).
 * {@code relevant} = R(q) = the number of gallery items with the query's label, <em>excluding</em> the query.
 * <ul>
 *   <li>{@code Prec@k = (hits in the top k) / k}; a rank list shorter than k counts the missing ranks as misses.</li>
 *   <li>{@code AP@k = (Σ over hit ranks r <= k of precision@r) / min(k, R(q))}, so a perfect ranking gives 1 and
 *       missing relevant items in the top k are penalised. Undefined for {@code R(q) = 0}: the evaluator leaves such
 *       queries out of mAP and reports how many there were.</li>
 * </ul>
 */
public final class StandardRetrievalMetrics {

    private StandardRetrievalMetrics() {
    }

    /** Standard Prec@k: hits among the first k ranks, divided by k. */
    public static double precision(boolean[] hits, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int n = Math.min(k, hits.length);
        int found = 0;
        for (int r = 0; r < n; r++) {
            if (hits[r]) {
                found++;
            }
        }
        return (double) found / k;
    }

    /** Standard AP@k with {@code relevant >= 1} relevant gallery items (query excluded). */
    public static double averagePrecision(boolean[] hits, int k, int relevant) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (relevant < 1) {
            throw new IllegalArgumentException("AP@k is undefined without relevant items (relevant = " + relevant
                    + "); leave such queries out of mAP");
        }
        int n = Math.min(k, hits.length);
        int found = 0;
        double sum = 0.0;
        for (int r = 0; r < n; r++) {
            if (hits[r]) {
                found++;
                sum += (double) found / (r + 1);
            }
        }
        return sum / Math.min(k, relevant);
    }
}
