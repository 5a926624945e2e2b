package org.scale4j.training.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.retrieval.BlockedTopK;
import org.scale4j.training.eval.retrieval.TopK;

/**
 * Benchmark: blocked top-k retrieval over N x N items of dimension D versus one large matmul of the same FLOPs.
 *
 * <p>Usage: {@code RetrievalBench retrieval N DIM THREADS [QUERIES]} or
 * {@code RetrievalBench matmul N DIM THREADS [REF_MAX_BYTES]}. With QUERIES below N, the retrieval searches the
 * first QUERIES rows against all N (the full gallery, so memory is measured at full size) and also prints the time
 * of all N queries scaled linearly from it, labelled ESTIMATED. Run each mode in its own JVM so the peak RSS (VmHWM from /proc/self/status) belongs to it.
 * {@code retrieval} finds the top 11 (max_topk 10 plus the query itself) of every query with
 * {@link BlockedTopK}. {@code matmul} computes the full {@code [N, N]} score matrix with {@link BlockedMatmul};
 * when {@code 4·N²} bytes exceed REF_MAX_BYTES (default 2 GiB) it runs the largest square size that fits and scales
 * the time by the FLOP ratio, and says so. Features are seeded Gaussian noise. A small warm-up run lets the JIT
 * compile the kernel first.
 */
public final class RetrievalBench {

    private RetrievalBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: RetrievalBench retrieval N DIM THREADS [QUERIES]"
                    + " | RetrievalBench matmul N DIM THREADS [REF_MAX_BYTES]");
            System.exit(2);
        }
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        switch (mode) {
            case "retrieval" -> retrieval(n, dim, threads, args.length > 4 ? Integer.parseInt(args[4]) : n);
            case "matmul" -> matmul(n, dim, threads, args.length > 4 ? Long.parseLong(args[4]) : 2L << 30);
            default -> {
                System.err.println("unknown mode '" + mode + "'; use retrieval or matmul");
                System.exit(2);
            }
        }
    }

    private static void retrieval(int n, int dim, int threads, int queries) throws IOException {
        if (queries < 1 || queries > n) {
            throw new IllegalArgumentException("QUERIES must be in [1, N], got " + queries);
        }
        BlockedTopK.search(features(2000, dim, 1), features(2000, dim, 2), 11, BlockedTopK.DEFAULT_BLOCK_QUERIES,
                BlockedTopK.DEFAULT_BLOCK_GALLERY, threads);
        FeatureMatrix x = features(n, dim, 3);
        // The first rows of x as the queries (a view copy of queries*dim floats), so each still finds itself.
        FeatureMatrix q = queries == n ? x
                : new FeatureMatrix(java.util.Arrays.copyOf(x.data(), queries * dim), queries, dim);
        long t0 = System.nanoTime();
        TopK top = BlockedTopK.search(q, x, 11, BlockedTopK.DEFAULT_BLOCK_QUERIES, BlockedTopK.DEFAULT_BLOCK_GALLERY,
                threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int selfFirst = 0;
        for (int i = 0; i < queries; i++) {
            selfFirst += top.index(i, 0) == i ? 1 : 0;
        }
        double flops = 2.0 * queries * n * dim;
        print("retrieval (blocked top-11, " + queries + " queries x " + n + " gallery, measured)", n, dim, threads,
                seconds, flops);
        System.out.printf(Locale.ROOT, "  check: %d of %d queries retrieve themselves first%n", selfFirst, queries);
        if (queries < n) {
            System.out.printf(Locale.ROOT, "retrieval at N x N = %d x %d: ESTIMATED %.0f s (%.1f min), scaled "
                    + "linearly in the query count from the measured %d queries%n", n, n, seconds * n / queries,
                    seconds * n / queries / 60, queries);
        }
    }

    private static void matmul(int n, int dim, int threads, long refMax) throws IOException {
        long bytes = 4L * n * n;
        int m = n;
        if (bytes > refMax || (long) n * n > FeatureMatrix.MAX_VALUES) {
            m = (int) Math.min(Math.sqrt(refMax / 4.0), Math.sqrt(FeatureMatrix.MAX_VALUES));
        }
        FeatureMatrix w = features(1000, dim, 1);
        BlockedMatmul.multiplyTransposed(w, w, new float[1000 * 1000], BlockedTopK.DEFAULT_BLOCK_QUERIES,
                BlockedTopK.DEFAULT_BLOCK_GALLERY, threads);
        FeatureMatrix x = features(m, dim, 3);
        float[] out = new float[m * m];
        long t0 = System.nanoTime();
        BlockedMatmul.multiplyTransposed(x, x, out, BlockedTopK.DEFAULT_BLOCK_QUERIES,
                BlockedTopK.DEFAULT_BLOCK_GALLERY, threads);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double flops = 2.0 * m * m * dim;
        if (m == n) {
            print("reference matmul (full N x N score matrix, measured)", n, dim, threads, seconds, flops);
        } else {
            print("reference matmul (full M x M score matrix, measured at M = " + m + ")", m, dim, threads, seconds,
                    flops);
            double scaled = seconds * (2.0 * n * n * dim) / flops;
            System.out.printf(Locale.ROOT,
                    "reference matmul at N = %d: ESTIMATED %.1f s (scaled by FLOPs from M = %d; the %d x %d float "
                            + "score matrix would need %.2f GiB)%n", n, scaled, m, n, n, bytes / (double) (1L << 30));
        }
        System.out.printf(Locale.ROOT, "  check: out[0] = %.4f%n", out[0]);
    }

    private static void print(String what, int n, int dim, int threads, double seconds, double flops)
            throws IOException {
        System.out.printf(Locale.ROOT, "%s: N = %d, dim = %d, threads = %d%n", what, n, dim, threads);
        System.out.printf(Locale.ROOT, "  time %.2f s, %.3e FLOPs, %.2f GFLOP/s, peak RSS (VmHWM) %s%n", seconds,
                flops, flops / seconds / 1e9, peakRss());
    }

    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a (no /proc/self/status)";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
            }
        }
        return "n/a";
    }

    private static FeatureMatrix features(int rows, int dim, long seed) {
        FeatureMatrix m = FeatureMatrix.zeros(rows, dim);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return m;
    }
}
