package org.scale4j.training.session;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.data.BatchOptions;
import org.scale4j.api.data.BatchStream;
import org.scale4j.api.data.DataPosition;
import org.scale4j.api.data.Dataset;
import org.scale4j.training.loop.TrainableParameters;
import org.scale4j.training.model.ScaleModel;
import org.scale4j.training.model.ShardOutput;
import org.scale4j.training.optim.AdamW;
import org.scale4j.training.optim.AdamWConfig;
import org.scale4j.training.optim.GradientClipping;
import org.scale4j.training.optim.LearningRateSchedule;

/**
 * The paper's classification by fine-tuning (spec 3.4): the whole model plus a head
 * {@code concat(fused summaries) → Linear(1024) → Dropout(0.1) → Linear(classes)} trained with
 * cross-entropy on the training split's categories (BertAdam, 10% warm-up, linear decay, global norm
 * clipped to 1), then top-1 accuracy on the evaluation split. The model's parameters are restored
 * afterwards, so fine-tuning never changes the model that is evaluated otherwise or checkpointed.
 */
final class FineTuneClassification {

    private static final int HEAD_HIDDEN = 1024;

    private FineTuneClassification() {
    }

    static Map<String, Double> run(ScaleModel model, Dataset dataset, String trainSplit, String testSplit, int classes,
            int steps, double lr, int batchSize, long seed, NDManager manager, Consumer<String> progress) {
        byte[] saved = save(model);
        try (NDManager scope = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            int inputs = model.modalityNames().size() * hidden(model, dataset, trainSplit, batchSize, seed, scope);
            SequentialBlock head = new SequentialBlock()
                    .add(Linear.builder().setUnits(HEAD_HIDDEN).build())
                    .add(Dropout.builder().optRate(0.1f).build())
                    .add(Linear.builder().setUnits(classes).build());
            head.initialize(scope, DataType.FLOAT32, new Shape(1, inputs));
            // Objective heads and contrastive poolers are off the classification path: their
            // gradients are zero and fine-tuning does not change them beyond weight decay.
            List<Parameter> parameters = new ArrayList<>(TrainableParameters.of(model));
            parameters.addAll(TrainableParameters.of(head));
            AdamW optimizer = new AdamW(AdamWConfig.bertAdam(0.01), parameters, scope);
            LearningRateSchedule schedule = new LearningRateSchedule(lr, Math.max(1, steps / 10), steps,
                    LearningRateSchedule.Decay.LINEAR);
            BatchOptions options = new BatchOptions(batchSize, true, seed, List.of(), true, true, 2);
            double lastLoss = Double.NaN;
            try (BatchStream stream = dataset.stream(trainSplit, options, DataPosition.START)) {
                for (int step = 1; step <= steps; step++) {
                    Engine.getInstance().setRandomSeed((int) (seed * 31 + step));
                    try (NDManager stepManager = scope.newSubManager(); Batch batch = stream.next(stepManager)) {
                        ParameterStore store = new ParameterStore(stepManager, false);
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = logits(model, head, store, batch, true);
                            NDArray loss = crossEntropy(logits, batch.category());
                            collector.backward(loss);
                            lastLoss = loss.getFloat();
                        }
                        double norm = GradientClipping.clipGlobalNorm(parameters, 1.0, stepManager);
                        if (Double.isFinite(norm) && Double.isFinite(lastLoss)) {
                            optimizer.step(schedule.at(step), stepManager);
                        }
                    }
                    if (step % 50 == 0 || step == steps) {
                        progress.accept(String.format(java.util.Locale.ROOT, "  fine-tuning step %d/%d loss %.4f",
                                step, steps, lastLoss));
                    }
                }
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", accuracy(model, head, dataset, testSplit, batchSize, seed, scope));
            metrics.put("train-loss", lastLoss);
            metrics.put("steps", (double) steps);
            return metrics;
        } finally {
            restore(model, saved, manager);
        }
    }

    private static NDArray logits(ScaleModel model, SequentialBlock head, ParameterStore store, Batch batch,
            boolean training) {
        ShardOutput out = model.forwardShard(store, batch, training);
        NDList summaries = new NDList();
        for (String name : model.modalityNames()) {
            summaries.add(out.fused().of(name).summary());
        }
        return head.forward(store, new NDList(NDArrays.concat(summaries, 1)), training).singletonOrThrow();
    }

    /** Mean cross-entropy over the samples with a known category (-1 is unknown). */
    private static NDArray crossEntropy(NDArray logits, NDArray category) {
        if (category == null) {
            throw new RunSetupException("eval.finetune_steps: the dataset has no category column to fine-tune on");
        }
        NDArray known = category.gte(0).toType(DataType.FLOAT32, false);
        NDArray oneHot = category.maximum(0).oneHot((int) logits.getShape().get(1));
        NDArray picked = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1});
        return picked.mul(known).sum().neg().div(known.sum().maximum(1f));
    }

    private static double accuracy(ScaleModel model, SequentialBlock head, Dataset dataset, String split, int batchSize,
            long seed, NDManager manager) {
        BatchOptions options = new BatchOptions(batchSize, false, seed, List.of(), false, false, 2);
        long correct = 0;
        long total = 0;
        try (BatchStream stream = dataset.stream(split, options, DataPosition.START)) {
            while (stream.hasNext()) {
                try (NDManager scope = manager.newSubManager(); Batch batch = stream.next(scope)) {
                    if (batch.category() == null) {
                        continue;
                    }
                    long[] predicted = logits(model, head, new ParameterStore(scope, false), batch, false)
                            .argMax(1).toLongArray();
                    long[] truth = batch.category().toLongArray();
                    for (int i = 0; i < truth.length; i++) {
                        if (truth[i] >= 0) {
                            total++;
                            correct += predicted[i] == truth[i] ? 1 : 0;
                        }
                    }
                }
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** The fused hidden size, from one unmasked forward pass (it is the model's {@code hidden}). */
    private static int hidden(ScaleModel model, Dataset dataset, String split, int batchSize, long seed,
            NDManager manager) {
        BatchOptions options = new BatchOptions(Math.min(batchSize, 2), false, seed, List.of(), false, false, 0);
        try (BatchStream stream = dataset.stream(split, options, DataPosition.START);
                NDManager scope = manager.newSubManager();
                Batch batch = stream.next(scope)) {
            return (int) model.forwardEval(new ParameterStore(scope, false), batch).fusedSummaries()
                    .values().iterator().next().getShape().get(1);
        }
    }

    private static byte[] save(ScaleModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(ScaleModel model, byte[] saved, NDManager manager) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            model.loadParameters(manager, in);
            TrainableParameters.enableGradients(model);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot restore the model after fine-tuning", e);
        }
    }
}
