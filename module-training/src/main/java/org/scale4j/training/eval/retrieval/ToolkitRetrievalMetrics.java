package org.scale4j.training.eval.retrieval;

/**
 * Prec@k and AP@k exactly as the official M5Product toolkit computes them ({@code evaluate_unit.py}, spec 3.3).
 *
 * <p>Inputs per query: the rank list after the query's own id has been dropped from the top {@code max_topk}
 * (so it usually holds 9 items when the query is in the gallery, 10 otherwise), given as {@code hits[r]} = "item at
 * rank r+1 has the query's label"; and {@code positives} = |P(q)|, the number of ids with the query's label
 * <em>including the query itself</em>. Then, with {@code k' = min(k, |P(q)|, len(ranklist))}:
 * <ul>
 *   <li>{@code Prec@k = |top-k' ∩ P| / k'}</li>
 *   <li>{@code AP@k = (Σ over hit ranks r <= k' of hits-so-far / r) / (number of hits in top-k')}, 0 without hits.
 *       It is <b>not</b> divided by {@code min(k, |P|)}, so AP@1 = Prec@1 for every query and mAP@1 = Prec@1.</li>
 * </ul>
 * Quirks kept on purpose: k' shrinks with a short rank list (so Prec@10 is a fraction of 9 when the query was
 * dropped), and |P(q)| counts the query even though it can never be retrieved. When {@code k' = 0} (an empty rank
 * list) the toolkit would divide by zero; here both metrics are 0.
 */
public final class ToolkitRetrievalMetrics {

    private ToolkitRetrievalMetrics() {
    }

    /** {@code k' = min(k, positives, listLength)}. */
    public static int effectiveK(int k, int positives, int listLength) {
        return Math.min(k, Math.min(positives, listLength));
    }

    /** Toolkit Prec@k of one query; {@code hits} is the rank list with the query's own id already dropped. */
    public static double precision(boolean[] hits, int k, int positives) {
        int kk = effectiveK(k, positives, hits.length);
        if (kk <= 0) {
            return 0.0;
        }
        int found = 0;
        for (int r = 0; r < kk; r++) {
            if (hits[r]) {
                found++;
            }
        }
        return (double) found / kk;
    }

    /** Toolkit AP@k of one query (mean of precision at each hit within the top k'). */
    public static double averagePrecision(boolean[] hits, int k, int positives) {
        int kk = effectiveK(k, positives, hits.length);
        int found = 0;
        double sum = 0.0;
        for (int r = 0; r < kk; r++) {
            if (hits[r]) {
                found++;
                sum += (double) found / (r + 1);
            }
        }
        return found == 0 ? 0.0 : sum / found;
    }
}
