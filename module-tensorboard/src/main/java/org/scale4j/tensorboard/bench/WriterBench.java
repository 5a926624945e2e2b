package org.scale4j.tensorboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.scale4j.tensorboard.EventWriter;

/**
 * Throughput of the event writer: 100,000 scalars and 1,000 histograms. Not exported; run by
 * {@code bench/tensorboard/run.sh}. Prints one line per measurement.
 *
 * <p>Usage: {@code WriterBench <scratch dir> [histogram size]} (default 10,000 values per
 * histogram). Each measurement runs twice and reports the second run (the first warms the JIT).
 */
public final class WriterBench {

    private WriterBench() {
    }

    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args.length > 0 ? args[0] : "target/bench-tensorboard");
        int histogramSize = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        for (int round = 0; round < 2; round++) {
            boolean report = round == 1;
            scalars(scratch.resolve("scalars-" + round), 100_000, report);
            histograms(scratch.resolve("histograms-" + round), 1_000, histogramSize, report);
        }
        deleteRecursively(scratch);
    }

    private static EventWriter writer(Path dir) {
        // a put timeout long enough that nothing is dropped: this measures the writer, not the queue policy
        return EventWriter.builder().setLogDir(dir).optPutTimeout(Duration.ofMinutes(5)).optShutdownHook(false).build();
    }

    private static void scalars(Path dir, int n, boolean report) throws IOException {
        long start = System.nanoTime();
        long addNanos;
        EventWriter w = writer(dir);
        try (w) {
            long addStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                w.addScalar("loss/total", 1.0 / (i + 1), i);
            }
            addNanos = System.nanoTime() - addStart;
        }
        long total = System.nanoTime() - start;
        if (report) {
            print("scalars", n, total, addNanos, w.droppedEvents(), size(dir));
        }
    }

    private static void histograms(Path dir, int n, int size, boolean report) throws IOException {
        Random random = new Random(42);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        long start = System.nanoTime();
        long addNanos;
        EventWriter w = writer(dir);
        try (w) {
            long addStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                w.addHistogram("weights/w", values, i);
            }
            addNanos = System.nanoTime() - addStart;
        }
        long total = System.nanoTime() - start;
        if (report) {
            print("histograms of " + size + " values", n, total, addNanos, w.droppedEvents(), size(dir));
        }
    }

    private static void print(String what, int n, long totalNanos, long addNanos, long dropped, long bytes) {
        System.out.printf(Locale.ROOT, "%-30s %,9d events  %8.1f ms to disk (close included)  %,12.0f events/s  "
                        + "caller %6.2f us/add  dropped %d  %,d bytes%n",
                what, n, totalNanos / 1e6, n / (totalNanos / 1e9), addNanos / 1e3 / n, dropped, bytes);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
