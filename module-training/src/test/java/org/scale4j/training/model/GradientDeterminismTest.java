package org.scale4j.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scale4j.api.batch.Batch;
import org.scale4j.training.model.bench.BenchBatches;
import org.scale4j.training.model.bench.BenchModel;

/**
 * Seeded runs must be bitwise reproducible on the CPU with several intra-op threads. Regression:
 * SIMCL gathered each pair's features by indexing one stack with repeated modality indices; above
 * 32,768 elements PyTorch's CPU backward of that index adds the duplicates with parallel atomic
 * adds, so with 2 threads the text and video encoders' gradients changed from one repeat of the
 * same batch to the next (and two quickstart runs drifted apart in the fifth digit). The quickstart
 * model at batch 32 is above that size (10 pairs × 32 samples × 128 dims).
 */
class GradientDeterminismTest {

    @Test
    void oneBatchGivesBitwiseEqualGradientsInEveryRepeatWithTwoThreads() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) { // loads the engine
            int threads = JniUtils.getNumThreads();
            JniUtils.setNumThreads(2); // the race needs 2+ threads, whatever the machine's default
            try {
                repeatAndCompare(manager);
            } finally {
                JniUtils.setNumThreads(threads);
            }
        }
    }

    private static void repeatAndCompare(NDManager manager) {
        BenchModel bench = BenchModel.quickstart();
        ScaleModel model = ModelBuilder.build(bench.plan());
        model.initialize(manager, 42);
        ParameterStore ps = new ParameterStore(manager, false);
        List<Pair<String, Parameter>> parameters = model.getParameters().stream().toList();
        zeroGradients(parameters, manager);
        List<float[]> first = null;
        for (int repeat = 0; repeat < 4; repeat++) {
            List<float[]> gradients = new ArrayList<>();
            try (NDManager step = manager.newSubManager();
                    Batch batch = BenchBatches.batch(bench.modalities(), bench.batch(), 7, step);
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                Engine.getInstance().setRandomSeed(11);
                collector.backward(model.computeLoss(ps, batch, List.of(batch), true).total());
                for (Pair<String, Parameter> p : parameters) {
                    NDArray g = p.getValue().getArray().getGradient();
                    g.attach(step);
                    gradients.add(g.toFloatArray());
                    g.set(new NDIndex("..."), 0f);
                }
            }
            if (first == null) {
                first = gradients;
                continue;
            }
            for (int i = 0; i < parameters.size(); i++) {
                assertArrayEquals(first.get(i), gradients.get(i),
                        "repeat " + repeat + ": gradient of " + parameters.get(i).getKey());
            }
        }
        assertEquals(parameters.size(), first.size());
    }

    /** Fresh gradient buffers are not zeroed memory. */
    private static void zeroGradients(List<Pair<String, Parameter>> parameters, NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            for (Pair<String, Parameter> p : parameters) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                g.set(new NDIndex("..."), 0f);
            }
        }
    }
}
