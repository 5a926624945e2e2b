package org.scale4j.training.monitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.scale4j.api.training.StepMetrics;
import org.scale4j.training.monitor.TensorBoardListener;

/**
 * The training-thread cost of {@link TensorBoardListener#onStep} with 30 scalars per step (the
 * five-modality SCALE set: losses, lr, grad norm, throughput, modality weights and pair weights),
 * plus {@code onModalityGraph} every 10 steps. Not exported; run by
 * {@code bench/tensorboard/run.sh}.
 *
 * <p>Usage: {@code ListenerBench <scratch dir> [steps]}. After a warm-up of {@code steps} steps it
 * measures two runs and prints mean, median, p99 and max microseconds per call:
 * <ul>
 *   <li>burst: {@code steps} steps back to back (default 20,000), far faster than the writer
 *       thread can write, so the queue fills and the put timeout shows up in the tail;</li>
 *   <li>paced: 2,000 steps, one every 2 ms, still 500 times faster than a ~1 s training step, so
 *       the queue never fills: this is the cost a real run pays.</li>
 * </ul>
 */
public final class ListenerBench {

    private static final List<String> MODALITIES = List.of("audio", "image", "table", "text", "video");

    private ListenerBench() {
    }

    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args.length > 0 ? args[0] : "target/bench-listener");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        run(scratch.resolve("warmup"), steps, 0, null);
        run(scratch.resolve("burst"), steps, 0, "burst");
        run(scratch.resolve("paced"), 2_000, 2, "paced, 1 step / 2 ms");
        deleteRecursively(scratch);
    }

    private static void run(Path dir, int steps, long pauseMillis, String label) {
        long[] stepNanos = new long[steps];
        long[] graphNanos = new long[steps / 10];
        double[][] graph = new double[MODALITIES.size()][MODALITIES.size()];
        TensorBoardListener listener = TensorBoardListener.builder().setRunDir(dir)
                .optQueueCapacity(label == null ? 1_000_000 : 4096).build();
        try (listener) {
            listener.onTrainingBegin(dir, "run: {name: bench}\n", Map.of("seed", 42));
            for (int s = 1; s <= steps; s++) {
                StepMetrics metrics = metrics(s);
                long t0 = System.nanoTime();
                listener.onStep(metrics);
                stepNanos[s - 1] = System.nanoTime() - t0;
                if (s % 10 == 0) {
                    for (int i = 0; i < graph.length; i++) {
                        for (int j = 0; j < graph.length; j++) {
                            graph[i][j] = i == j ? Double.NaN : 0.1 * ((i + j + s) % 7);
                        }
                    }
                    long g0 = System.nanoTime();
                    listener.onModalityGraph(s, MODALITIES, graph);
                    graphNanos[s / 10 - 1] = System.nanoTime() - g0;
                }
                pause(pauseMillis);
            }
            listener.onTrainingEnd(steps, true);
        }
        if (label != null) {
            System.out.printf(Locale.ROOT, "listener onStep, %d scalars (%s)%n    %s  dropped %d%n",
                    metrics(1).scalars().size(), label, stats(stepNanos), listener.droppedEvents());
            System.out.printf(Locale.ROOT, "listener onModalityGraph 5x5 (%s)%n    %s%n", label, stats(graphNanos));
        }
    }

    static StepMetrics metrics(long step) {
        TreeMap<String, Double> s = new TreeMap<>();
        double decay = 1.0 / Math.sqrt(step);
        s.put("loss/total", 9 * decay);
        for (String objective : List.of("simcl", "mlm", "mem", "mrm", "mfm", "mam")) {
            s.put("loss/" + objective, decay);
        }
        s.put("lr", 3e-4 * Math.min(1, step / 100.0));
        s.put("grad_norm", 1.5 * decay);
        s.put("samples_per_sec", 512.0);
        for (String m : MODALITIES) {
            s.put("weight/" + m, 0.2);
        }
        for (int i = 0; i < MODALITIES.size(); i++) {
            for (int j = i + 1; j < MODALITIES.size(); j++) {
                s.put("pair/" + MODALITIES.get(i) + "-" + MODALITIES.get(j), 0.1 * (i + j));
            }
        }
        s.put("acc/simcl", 0.5);
        s.put("acc/mlm", 0.25);
        s.put("tokens_per_sec", 4096.0);
        s.put("memory_mb", 800.0);
        s.put("step_time_ms", 950.0);
        return new StepMetrics(step, s);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e3;
        return String.format(Locale.ROOT, "mean %7.2f us  median %7.2f us  p99 %8.2f us  max %9.2f us  (%d calls)",
                mean, sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[sorted.length - 1] / 1e3, sorted.length);
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
