package org.scale4j.training.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scale4j.api.batch.Batch;
import org.scale4j.training.model.LossResult;
import org.scale4j.training.model.ModelBuilder;
import org.scale4j.training.model.ScaleModel;

/**
 * Forward + backward time per step of the SCALE model on CPU (no optimizer update), for the
 * quickstart model at batch 32, its near-zero-FLOP copy (same op graph: the fixed framework cost,
 * djl-notes section 7) and the paper model at batch 8; plus a large matmul for the machine's
 * GFLOP/s. Usage: {@code bench/model/run.sh [steps] [quickstart,micro,paper]}.
 */
public final class ModelBench {

    private ModelBench() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> which = Arrays.asList((args.length > 1 ? args[1] : "micro,quickstart,paper").split(","));
        System.out.printf("PyTorch intra-op threads: %s; steps per model: %d (after 3 warm-up); cores: %d%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"), steps,
                Runtime.getRuntime().availableProcessors());
        double matmul = matmulGflops();
        System.out.printf("large matmul 2048x2048x2048: %.1f GFLOP/s; tiny op (add + close): %.1f us%n%n", matmul,
                tinyOpMicros());
        System.out.printf("%-24s %6s %12s %10s %10s %10s %12s %10s%n", "model", "batch", "params", "fwd ms",
                "bwd ms", "step ms", "GFLOP/step", "GFLOP/s");
        double micro = Double.NaN;
        double quick = Double.NaN;
        for (String name : which) {
            BenchModel model = switch (name) {
                case "micro" -> BenchModel.micro();
                case "quickstart" -> BenchModel.quickstart();
                case "paper" -> BenchModel.paper();
                default -> throw new IllegalArgumentException("unknown model " + name + "; use micro, quickstart, paper");
            };
            double step = run(model, name.equals("paper") ? Math.max(3, steps / 2) : steps);
            if (name.equals("micro")) {
                micro = step;
            } else if (name.equals("quickstart")) {
                quick = step;
            }
        }
        System.out.println();
        diagnostics.forEach(System.out::println);
        if (!Double.isNaN(micro) && !Double.isNaN(quick)) {
            System.out.printf("%nframework cost (micro step / quickstart step): %.1f ms / %.1f ms = %.1f%% (target <= 10%%)%n",
                    micro, quick, 100 * micro / quick);
        }
    }

    private static double run(BenchModel bench, int steps) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = ModelBuilder.build(bench.plan());
            model.initialize(manager, 42);
            long params = model.parameterReport().total();
            ParameterStore ps = new ParameterStore(manager, false);
            List<Double> forward = new ArrayList<>();
            List<Double> backward = new ArrayList<>();
            int arraysPerStep = 0;
            int modelArrays = resources(manager);
            for (int i = 0; i < steps + 3; i++) {
                try (NDManager step = manager.newSubManager();
                        Batch batch = BenchBatches.batch(bench.modalities(), bench.batch(), i, step);
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    // no zeroGradients(): it walks every managed array and leaks gradient handles;
                    // gradients simply accumulate here, which costs the same
                    long t0 = System.nanoTime();
                    LossResult result = model.computeLoss(ps, batch, List.of(batch), true);
                    result.total().getFloat();
                    long t1 = System.nanoTime();
                    collector.backward(result.total());
                    // reading one gradient value waits for the backward pass
                    model.getParameters().get(0).getValue().getArray().getGradient().attach(step);
                    long t2 = System.nanoTime();
                    arraysPerStep = resources(step);
                    if (i >= 3) {
                        forward.add((t1 - t0) / 1e6);
                        backward.add((t2 - t1) / 1e6);
                    }
                }
            }
            double fwd = median(forward);
            double bwd = median(backward);
            double gflop = 3 * bench.forwardFlops() / 1e9;
            int leaked = resources(manager) - modelArrays;
            diagnostics.add(String.format("%s: %d arrays created per step; %d arrays left behind in the model manager"
                    + " after %d steps (pitfall 6: must be 0)", bench.name(), arraysPerStep, leaked, steps + 3));
            System.out.printf("%-24s %6d %,12d %10.1f %10.1f %10.1f %12.2f %10.1f%n", bench.name(), bench.batch(),
                    params, fwd, bwd, fwd + bwd, gflop, gflop / ((fwd + bwd) / 1e3));
            return fwd + bwd;
        }
    }

    private static final List<String> diagnostics = new ArrayList<>();

    /** The number of live resources (arrays, sub-managers) a manager holds, read reflectively. */
    private static int resources(NDManager manager) {
        try {
            java.lang.reflect.Field field = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
            field.setAccessible(true);
            return ((java.util.Map<?, ?>) field.get(manager)).size();
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** Microseconds per tiny {@code add} + {@code close} (the per-op dispatch cost under the current load). */
    private static double tinyOpMicros() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.ones(new Shape(4));
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    a.add(a).close();
                }
                if (round == 1) {
                    return (System.nanoTime() - t0) / 2000 / 1e3;
                }
            }
            return Double.NaN;
        }
    }

    private static double matmulGflops() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.randomNormal(new Shape(2048, 2048));
            NDArray b = manager.randomNormal(new Shape(2048, 2048));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(scope);
                    c.getFloat(0, 0);
                    times.add((System.nanoTime() - t0) / 1e9);
                }
            }
            return 2.0 * 2048 * 2048 * 2048 / median(times.subList(1, times.size())) / 1e9;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
