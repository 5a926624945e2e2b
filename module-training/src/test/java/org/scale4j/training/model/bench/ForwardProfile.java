package org.scale4j.training.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.model.EncoderOutput;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.training.model.ModelBuilder;
import org.scale4j.training.model.ScaleModel;
import org.scale4j.training.model.ShardOutput;

/** Where the forward time of one step goes: encoders+fusion, harmonizer, and the loss. Usage: [model] [steps]. */
public final class ForwardProfile {

    private ForwardProfile() {
    }

    public static void main(String[] args) {
        BenchModel bench = switch (args.length > 0 ? args[0] : "quickstart") {
            case "micro" -> BenchModel.micro();
            case "paper" -> BenchModel.paper();
            default -> BenchModel.quickstart();
        };
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ScaleModel model = ModelBuilder.build(bench.plan());
            model.initialize(manager, 42);
            ParameterStore ps = new ParameterStore(manager, false);
            for (int i = 0; i < steps; i++) {
                try (NDManager step = manager.newSubManager();
                        Batch batch = BenchBatches.batch(bench.modalities(), bench.batch(), i, step);
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    long t0 = System.nanoTime();
                    ShardOutput out = model.forwardShard(ps, batch, true);
                    for (EncoderOutput e : out.fused().modalities().values()) {
                        e.states().getFloat(0, 0, 0);
                    }
                    long t1 = System.nanoTime();
                    ModelOutput harmonized = model.harmonize(out);
                    harmonized.taskWeights().modalityWeights().getFloat(0, 0);
                    long t2 = System.nanoTime();
                    var result = model.computeLoss(ps, batch, List.of(batch), true);
                    result.total().getFloat();
                    long t3 = System.nanoTime();
                    collector.backward(result.total());
                    model.getParameters().get(0).getValue().getArray().getGradient().attach(step);
                    long t4 = System.nanoTime();
                    System.out.printf("step %d: encoders+fusion %.1f ms, harmonizer %.1f ms, full forward+loss %.1f ms,"
                            + " backward %.1f ms%n", i, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
                }
            }
        }
    }
}
