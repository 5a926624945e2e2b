package org.scale4j.training.eval.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.scale4j.training.eval.DotKernel;
import org.scale4j.training.eval.FeatureMatrix;

/**
 * Exact top-k by dot product, computed in blocks so the full {@code [Q, G]} score matrix never exists.
 *
 * <p>Queries are split into blocks of {@code blockQueries} rows; each block is one task on a pool of
 * {@code threads}. A task walks the gallery in blocks of {@code blockGallery} rows, fills a
 * {@code [blockQueries, blockGallery]} score tile with {@link DotKernel#tile}, and offers each score to its query's
 * bounded min-heap of size k. Memory is {@code O(threads * blockQueries * blockGallery + Q * k)} floats, so a
 * gallery of 1M items costs only the features themselves.
 *
 * <p>Deterministic: scores do not depend on block sizes or threads (see {@link DotKernel}), and ties are broken by
 * the lower gallery index, so the result equals a brute-force stable sort of every row.
 */
public final class BlockedTopK {

    /** Default query block: 64 rows (a 64 x 256 tile is 64 KiB). */
    public static final int DEFAULT_BLOCK_QUERIES = 64;
    /** Default gallery block: 256 rows of dim 768 is 768 KiB, which stays in a 1 MiB L2 cache. */
    public static final int DEFAULT_BLOCK_GALLERY = 256;

    private BlockedTopK() {
    }

    /**
     * Finds the {@code k} best gallery rows for every query.
     *
     * @param queries {@code [Q, D]}
     * @param gallery {@code [G, D]}
     * @param k how many to keep per query, {@code >= 1}; the result has {@code min(k, G)} per query
     * @param blockQueries query rows per task, {@code >= 1}
     * @param blockGallery gallery rows per tile, {@code >= 1}
     * @param threads worker threads, {@code >= 1}
     */
    public static TopK search(FeatureMatrix queries, FeatureMatrix gallery, int k, int blockQueries,
            int blockGallery, int threads) {
        if (queries.dim() != gallery.dim()) {
            throw new IllegalArgumentException("query dim " + queries.dim() + " differs from gallery dim "
                    + gallery.dim());
        }
        requirePositive("k", k);
        requirePositive("blockQueries", blockQueries);
        requirePositive("blockGallery", blockGallery);
        requirePositive("threads", threads);
        int nq = queries.rows();
        int width = Math.min(k, gallery.rows());
        int[] indices = new int[nq * width];
        float[] scores = new float[nq * width];
        if (nq == 0 || width == 0) {
            return new TopK(nq, width, indices, scores);
        }
        int blocks = (nq + blockQueries - 1) / blockQueries;
        if (threads == 1 || blocks == 1) {
            for (int b = 0; b < blocks; b++) {
                searchBlock(queries, gallery, b * blockQueries, Math.min(blockQueries, nq - b * blockQueries),
                        width, blockGallery, indices, scores);
            }
            return new TopK(nq, width, indices, scores);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, blocks), r -> {
            Thread t = new Thread(r, "scale4j-topk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(blocks);
            for (int b = 0; b < blocks; b++) {
                int start = b * blockQueries;
                int count = Math.min(blockQueries, nq - start);
                futures.add(pool.submit(() -> searchBlock(queries, gallery, start, count, width, blockGallery,
                        indices, scores)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("top-k search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("top-k search failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new TopK(nq, width, indices, scores);
    }

    private static void searchBlock(FeatureMatrix queries, FeatureMatrix gallery, int qStart, int qCount, int k,
            int blockGallery, int[] outIdx, float[] outScores) {
        int ng = gallery.rows();
        int bg = Math.min(blockGallery, ng);
        float[] tile = new float[qCount * bg];
        // Per-query min-heaps, stored flat: heap q occupies [q*k, q*k+k). The root is the current worst entry.
        float[] heapScore = new float[qCount * k];
        int[] heapIdx = new int[qCount * k];
        int[] size = new int[qCount];
        for (int gStart = 0; gStart < ng; gStart += bg) {
            int gCount = Math.min(bg, ng - gStart);
            DotKernel.tile(queries, qStart, qCount, gallery, gStart, gCount, tile, 0, gCount);
            for (int i = 0; i < qCount; i++) {
                int base = i * k;
                int t = i * gCount;
                for (int j = 0; j < gCount; j++) {
                    float s = tile[t + j];
                    int n = size[i];
                    if (n < k) {
                        siftUp(heapScore, heapIdx, base, n, s, gStart + j);
                        size[i] = n + 1;
                    } else if (s > heapScore[base]) {
                        // Gallery indices only grow within a query, so an equal score never displaces the root:
                        // ties keep the lower gallery index, as a stable sort would.
                        siftDown(heapScore, heapIdx, base, k, s, gStart + j);
                    }
                }
            }
        }
        for (int i = 0; i < qCount; i++) {
            sortDescending(heapScore, heapIdx, i * k, k, outScores, outIdx, (qStart + i) * k);
        }
    }

    /** True when entry (sa, ia) ranks below (sb, ib): lower score, or equal score and higher index. */
    private static boolean worse(float sa, int ia, float sb, int ib) {
        return sa < sb || (sa == sb && ia > ib);
    }

    private static void siftUp(float[] hs, int[] hi, int base, int pos, float s, int idx) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!worse(s, idx, hs[base + parent], hi[base + parent])) {
                break;
            }
            hs[base + pos] = hs[base + parent];
            hi[base + pos] = hi[base + parent];
            pos = parent;
        }
        hs[base + pos] = s;
        hi[base + pos] = idx;
    }

    /** Replaces the root with (s, idx) and restores the heap. */
    private static void siftDown(float[] hs, int[] hi, int base, int n, float s, int idx) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= n) {
                break;
            }
            int right = child + 1;
            if (right < n && worse(hs[base + right], hi[base + right], hs[base + child], hi[base + child])) {
                child = right;
            }
            if (!worse(hs[base + child], hi[base + child], s, idx)) {
                break;
            }
            hs[base + pos] = hs[base + child];
            hi[base + pos] = hi[base + child];
            pos = child;
        }
        hs[base + pos] = s;
        hi[base + pos] = idx;
    }

    /** Pops the heap from worst to best into the output, so the output reads best first. */
    private static void sortDescending(float[] hs, int[] hi, int base, int n, float[] outS, int[] outI, int outBase) {
        for (int remaining = n; remaining > 0; remaining--) {
            outS[outBase + remaining - 1] = hs[base];
            outI[outBase + remaining - 1] = hi[base];
            float lastS = hs[base + remaining - 1];
            int lastI = hi[base + remaining - 1];
            if (remaining > 1) {
                siftDown(hs, hi, base, remaining - 1, lastS, lastI);
            }
        }
    }

    private static void requirePositive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }
}
