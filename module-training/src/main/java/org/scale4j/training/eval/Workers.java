package org.scale4j.training.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small fixed pool that runs index ranges in parallel. Results stay deterministic because callers split work into
 * ranges that write disjoint outputs (or reduce partial results in range order), never by thread.
 */
public final class Workers implements AutoCloseable {

    /** Body of one range {@code [start, end)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private final int threads;
    private final ExecutorService pool;

    /** A pool of {@code threads >= 1} daemon threads; with 1 thread everything runs on the caller. */
    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scale4j-eval");
            t.setDaemon(true);
            return t;
        });
    }

    /** Number of threads. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)} in consecutive ranges of {@code chunk} items and waits for all. */
    public void forRanges(int n, int chunk, RangeBody body) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        }
        if (pool == null || n <= chunk) {
            for (int s = 0; s < n; s += chunk) {
                body.run(s, Math.min(n, s + chunk));
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < n; s += chunk) {
            int start = s;
            int end = Math.min(n, s + chunk);
            futures.add(pool.submit(() -> body.run(start, end)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("evaluation worker failed: " + c, c);
        }
    }

    /** Splits {@code [0, n)} into about one range per thread (at least {@code minChunk} items each). */
    public void forEvenRanges(int n, int minChunk, RangeBody body) {
        int chunk = Math.max(minChunk, (n + threads - 1) / threads);
        forRanges(n, Math.max(1, chunk), body);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
