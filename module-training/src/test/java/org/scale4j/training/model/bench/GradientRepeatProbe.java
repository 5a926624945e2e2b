package org.scale4j.training.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.scale4j.api.batch.Batch;
import org.scale4j.training.model.ModelBuilder;
import org.scale4j.training.model.ScaleModel;

/**
 * Are the loss and gradients of one batch of the quickstart model bitwise equal across repeats (and,
 * by its printed hash, across processes)? Prints the loss of 4 repeats, a hash of the first
 * repeat's gradients and every parameter whose gradient differs. {@code -Dprobe.objective=KEY}
 * back-propagates one objective's loss only. Usage: see {@code bench/model/run.sh}.
 */
public final class GradientRepeatProbe {

    public static void main(String[] args) {
        BenchModel bench = BenchModel.quickstart();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = ModelBuilder.build(bench.plan());
            model.initialize(manager, 42);
            ParameterStore ps = new ParameterStore(manager, false);
            List<float[][]> runs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Pair<String, Parameter> p : model.getParameters()) {
                names.add(p.getKey());
            }
            for (Pair<String, Parameter> p : model.getParameters()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f); // fresh gradient buffers are not zeroed memory
                g.close();
            }
            for (int r = 0; r < 4; r++) {
                try (NDManager step = manager.newSubManager();
                        Batch batch = BenchBatches.batch(bench.modalities(), bench.batch(), 7, step);
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    Engine.getInstance().setRandomSeed(11);
                    var result = model.computeLoss(ps, batch, List.of(batch), true);
                    String only = System.getProperty("probe.objective");
                    collector.backward(only == null ? result.total() : result.losses().get(only));
                    float[][] grads = new float[names.size() + 1][];
                    grads[0] = new float[] {result.total().getFloat()};
                    int i = 1;
                    for (Pair<String, Parameter> p : model.getParameters()) {
                        NDArray g = p.getValue().getArray().getGradient();
                        g.attach(step);
                        grads[i++] = g.toFloatArray();
                        g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
                    }
                    runs.add(grads);
                }
            }
            System.out.println("loss per run: " + runs.stream().map(g -> Float.toString(g[0][0])).toList());
            long h = 0;
            for (float[] g : runs.get(0)) {
                h = h * 31 + java.util.Arrays.hashCode(g);
            }
            System.out.println("gradient hash: " + Long.toHexString(h));
            for (int i = 1; i <= names.size(); i++) {
                for (int r = 1; r < runs.size(); r++) {
                    if (!java.util.Arrays.equals(runs.get(0)[i], runs.get(r)[i])) {
                        System.out.println("differs: " + names.get(i - 1) + " (run " + r + ")");
                        break;
                    }
                }
            }
        }
    }
}
