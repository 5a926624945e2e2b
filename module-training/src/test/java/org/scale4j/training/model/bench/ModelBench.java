package org.scale4j.training.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.MaskedInputs;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.training.engine.OneDnnSwitch;
import org.scale4j.training.model.LossResult;
import org.scale4j.training.model.ModelBuilder;
import org.scale4j.training.model.ScaleModel;

/**
 * Forward + backward time per step of the SCALE model on CPU (no optimizer update), for the
 * quickstart model at batch 32, its near-zero-FLOP copy (same op graph: the fixed framework cost,
 * djl-notes section 7) and the paper model at batch 8; plus a large matmul for the machine's
 * GFLOP/s. The models' steps are interleaved (one step of each in turn) so that a shared machine's
 * load hits them alike. Usage: {@code [THREADS=n] bench/model/run.sh [steps] [micro,quickstart,paper]}.
 */
public final class ModelBench {

    private static final int WARMUP = 3;

    private ModelBench() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> which = Arrays.asList((args.length > 1 ? args[1] : "micro,quickstart,paper").split(","));
        System.out.printf("PyTorch intra-op threads: %s; steps per model: %d (after %d warm-up); cores: %d%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"), steps, WARMUP,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("large matmul 2048x2048x2048: %.1f GFLOP/s; tiny op (add + close): %.1f us%n",
                matmulGflops(), tinyOpMicros());
        System.out.printf("feature masking in the model (MaskedInputs.apply, 15%% of rows dropped): %.0f us at"
                + " [2,5,8], %.0f us at [32,9,64], %.0f us at the paper's image batch [32,37,2048]%n",
                maskingMicros(2, 5, 8), maskingMicros(32, 9, 64), maskingMicros(32, 37, 2048));
        List<Runner> runners = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // as training does (trainer.onednn, default false); -Dbench.onednn=true measures PyTorch's default
            boolean oneDnn = Boolean.getBoolean("bench.onednn");
            System.out.printf("oneDNN CPU kernels: %s%s%n%n", oneDnn ? "on" : "off",
                    OneDnnSwitch.set(oneDnn).map(problem -> " requested, not applied: " + problem).orElse(""));
            for (String name : which) {
                runners.add(new Runner(switch (name) {
                    case "micro" -> BenchModel.micro();
                    case "quickstart" -> BenchModel.quickstart();
                    case "paper" -> BenchModel.paper();
                    default -> throw new IllegalArgumentException("unknown model " + name + "; use micro, quickstart, paper");
                }, manager));
            }
            for (int i = 0; i < steps + WARMUP; i++) {
                for (Runner runner : runners) {
                    // the paper model is slow: it runs every other round
                    if (runner.bench.name().equals("paper") && i >= WARMUP && i % 2 == 1) {
                        continue;
                    }
                    runner.step(i, i >= WARMUP);
                }
            }
            System.out.printf("%-24s %6s %12s %10s %10s %10s %12s %10s%n", "model", "batch", "params", "fwd ms",
                    "bwd ms", "step ms", "GFLOP/step", "GFLOP/s");
            runners.forEach(Runner::print);
            System.out.println();
            runners.forEach(r -> System.out.printf("%s: %d arrays created per step; %d arrays left behind in the model"
                    + " manager (pitfall 6: must be 0)%n", r.bench.name(), r.arraysPerStep, r.leaked()));
            Runner micro = find(runners, "micro");
            Runner quick = find(runners, "quickstart");
            if (micro != null && quick != null) {
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < Math.min(micro.total.size(), quick.total.size()); i++) {
                    ratios.add(micro.total.get(i) / quick.total.get(i));
                }
                // the quartiles show how much one run's median can move: compare runs by them
                System.out.printf("%nframework cost (near-zero-FLOP step / quickstart step, median of interleaved pairs):"
                        + " %.1f%% (quartiles %.1f-%.1f%%; target <= 10%%)%n", 100 * quantile(ratios, 0.5),
                        100 * quantile(ratios, 0.25), 100 * quantile(ratios, 0.75));
            }
        }
    }

    private static Runner find(List<Runner> runners, String prefix) {
        return runners.stream().filter(r -> r.bench.name().startsWith(prefix)).findFirst().orElse(null);
    }

    /** One model with its parameters and timings. */
    private static final class Runner {
        final BenchModel bench;
        final ScaleModel model;
        final NDManager manager;
        final ParameterStore ps;
        final int baseline;
        final List<Double> forward = new ArrayList<>();
        final List<Double> backward = new ArrayList<>();
        final List<Double> total = new ArrayList<>();
        int arraysPerStep;

        Runner(BenchModel bench, NDManager parent) {
            this.bench = bench;
            this.manager = parent.newSubManager();
            this.model = ModelBuilder.build(bench.plan());
            model.initialize(manager, 42);
            this.ps = new ParameterStore(manager, false);
            this.baseline = resources(manager);
        }

        void step(int seed, boolean record) {
            try (NDManager step = manager.newSubManager();
                    Batch batch = BenchBatches.batch(bench.modalities(), bench.batch(), seed, step);
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // no zeroGradients(): it walks every managed array and leaks gradient handles;
                // gradients simply accumulate here, which costs the same
                long t0 = System.nanoTime();
                LossResult result = model.computeLoss(ps, batch, List.of(batch), true);
                result.total().getFloat();
                long t1 = System.nanoTime();
                collector.backward(result.total());
                // reading one gradient handle waits for the backward pass
                model.getParameters().get(0).getValue().getArray().getGradient().attach(step);
                long t2 = System.nanoTime();
                arraysPerStep = resources(step);
                if (record) {
                    forward.add((t1 - t0) / 1e6);
                    backward.add((t2 - t1) / 1e6);
                    total.add((t2 - t0) / 1e6);
                }
            }
        }

        int leaked() {
            return resources(manager) - baseline;
        }

        void print() {
            double step = median(total);
            double gflop = 3 * bench.forwardFlops() / 1e9;
            System.out.printf("%-24s %6d %,12d %10.1f %10.1f %10.1f %12.2f %10.1f%n", bench.name(), bench.batch(),
                    model.parameterReport().total(), median(forward), median(backward), step, gflop,
                    gflop / (step / 1e3));
        }
    }

    /** The number of live resources (arrays, sub-managers) a manager holds, read reflectively. */
    private static int resources(NDManager manager) {
        try {
            java.lang.reflect.Field field = BaseNDManager.class.getDeclaredField("resources");
            field.setAccessible(true);
            return ((java.util.Map<?, ?>) field.get(manager)).size();
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** Microseconds per tiny {@code add} + {@code close} (the per-op dispatch cost under the current load). */
    /** Microseconds per {@link MaskedInputs#apply} on a {@code [b,t,d]} batch, best of 3 rounds. */
    private static double maskingMicros(int b, int t, int d) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray feats = manager.randomNormal(new Shape(b, t, d));
            NDArray dropped = manager.randomUniform(0, 1, new Shape(b, t)).gt(0.85).toType(DataType.FLOAT32, false);
            ModalityBatch batch = new ModalityBatch("image", manager.ones(new Shape(b)), manager.ones(new Shape(b, t)),
                    Map.of(TensorKeys.FEATS, feats, TensorKeys.DROPPED, dropped), Map.of(TensorKeys.TARGET, feats));
            int calls = d > 1000 ? 100 : 2000;
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    MaskedInputs.apply(batch).input(TensorKeys.FEATS).close();
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e3 / calls);
            }
            return best;
        }
    }

    private static double tinyOpMicros() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.ones(new Shape(4));
            double micros = Double.NaN;
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 2000; i++) {
                    a.add(a).close();
                }
                micros = (System.nanoTime() - t0) / 2000 / 1e3;
            }
            return micros;
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
        return quantile(values, 0.5);
    }

    /** The value at fraction {@code q} of the sorted values (nearest rank). */
    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
