package org.scale4j.training.eval.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scale4j.training.eval.Similarity;

/**
 * How retrieval is scored and searched.
 *
 * @param similarity {@link Similarity#DOT} (the released protocol) or {@link Similarity#COSINE}
 * @param ks cut-offs, ascending, each {@code >= 1}; default {@code [1, 5, 10]}. The largest is the toolkit's
 *     {@code max_topk} (10 in {@code eval.sh}).
 * @param blockQueries query rows per task (default {@link BlockedTopK#DEFAULT_BLOCK_QUERIES})
 * @param blockGallery gallery rows per score tile (default {@link BlockedTopK#DEFAULT_BLOCK_GALLERY})
 * @param threads worker threads (default: available processors)
 */
public record RetrievalConfig(Similarity similarity, List<Integer> ks, int blockQueries, int blockGallery,
        int threads) {

    /** The paper's cut-offs. */
    public static final List<Integer> PAPER_KS = List.of(1, 5, 10);

    public RetrievalConfig {
        Objects.requireNonNull(similarity, "similarity");
        ks = List.copyOf(ks);
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("ks must not be empty");
        }
        for (int i = 0; i < ks.size(); i++) {
            if (ks.get(i) < 1 || (i > 0 && ks.get(i) <= ks.get(i - 1))) {
                throw new IllegalArgumentException("ks must be ascending and >= 1, got " + ks);
            }
        }
        if (blockQueries < 1 || blockGallery < 1 || threads < 1) {
            throw new IllegalArgumentException("blockQueries, blockGallery and threads must be >= 1, got "
                    + blockQueries + ", " + blockGallery + ", " + threads);
        }
    }

    /** Defaults with the given similarity: ks 1/5/10, default blocks, all available processors. */
    public static RetrievalConfig defaults(Similarity similarity) {
        return new RetrievalConfig(similarity, PAPER_KS, BlockedTopK.DEFAULT_BLOCK_QUERIES,
                BlockedTopK.DEFAULT_BLOCK_GALLERY, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another thread count. */
    public RetrievalConfig withThreads(int n) {
        return new RetrievalConfig(similarity, ks, blockQueries, blockGallery, n);
    }

    /** A copy with other block sizes. */
    public RetrievalConfig withBlocks(int queries, int gallery) {
        return new RetrievalConfig(similarity, ks, queries, gallery, threads);
    }

    /** The toolkit's {@code max_topk}: the largest cut-off. */
    public int maxK() {
        return ks.get(ks.size() - 1);
    }

    /** The settings that affect the numbers, for a report (block sizes and threads do not). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("similarity", similarity.label());
        m.put("ks", ks.toString());
        return m;
    }
}
