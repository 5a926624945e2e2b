package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.model.WordEmbeddings;
import org.scale4j.api.nn.Scalars;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.ObjectiveOutput;

/**
 * Masked token prediction (MLM, MEM; spec 2.8): at every labelled position ({@code labels >= 0})
 * of a present sample, the fused state goes through {@link PredictionHead} and a decoder tied to
 * the modality's word embeddings ({@code h·Eᵀ + bias}); cross-entropy with the original id,
 * averaged over the labelled positions. With weighting {@code output} the logits of sample
 * {@code b} are multiplied by its modality weight {@code w_b[m]} first (released).
 *
 * <p>A batch without labelled positions gives loss 0 and a note. Metrics: {@code acc} (share of
 * labelled positions predicted right), {@code masked} (their count).
 */
final class MaskedTokenObjective extends ObjectiveBlock {

    private final String task;
    private final String modality;
    private final MaskingRequest masking;
    private final Weighting weighting;
    private final WordEmbeddings decoder;
    private final PredictionHead head;
    private final Parameter bias;

    MaskedTokenObjective(String task, String modality, MaskingRequest masking, Weighting weighting, int hidden,
            int vocab, WordEmbeddings decoder) {
        this.task = task;
        this.modality = modality;
        this.masking = masking;
        this.weighting = weighting;
        this.decoder = decoder;
        head = addChildBlock("head", new PredictionHead(hidden));
        bias = addParameter(Parameter.builder().setName("decoderBias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(vocab)).build());
    }

    @Override
    public List<MaskingRequest> masking() {
        return List.of(masking);
    }

    @Override
    public ObjectiveOutput compute(ParameterStore ps, Batch batch, ModelOutput output, boolean training) {
        ModalityBatch input = batch.modality(modality);
        NDArray labels = input.target(TensorKeys.LABELS);
        NDManager manager = output.present().getManager();
        int tokens = (int) labels.getShape().get(1);
        long[] longLabels = labels.toLongArray();
        float[] hostLabels = new float[longLabels.length];
        for (int i = 0; i < longLabels.length; i++) {
            hostLabels[i] = longLabels[i];
        }
        MaskedSelection selection = MaskedSelection.of(hostLabels, true, input.present().toFloatArray(), tokens);
        SortedMap<String, NDArray> metrics = new TreeMap<>();
        metrics.put("masked", manager.create((float) selection.count()));
        if (selection.count() == 0) {
            return new ObjectiveOutput(Contrast.zero(manager), metrics,
                    List.of(task + ": no masked token of " + modality + " in this batch"));
        }
        NDArray states = selection.rows(output.fused().of(modality).states(), manager);
        NDArray h = head.transform(ps, states, training);
        NDArray embeddings = decoder.wordEmbeddings(ps, h.getDevice());
        NDArray logits = Linear.linear(h, embeddings, ps.getValue(bias, h.getDevice(), training)).singletonOrThrow();
        NDArray weights = selection.perSample(
                output.taskWeights().modalityWeights().get(":, " + output.taskWeights().indexOf(modality)), manager);
        if (weighting == Weighting.OUTPUT) {
            logits = logits.mul(weights.expandDims(1));
        }
        NDArray target = manager.create(selection.pick(hostLabels));
        NDArray nll = Contrast.crossEntropy(logits, target.oneHot((int) logits.getShape().get(1)));
        if (weighting == Weighting.LOSS) {
            nll = nll.mul(weights);
        }
        NDArray loss = Scalars.div(nll.sum(), (float) selection.count());
        NDArray hits = logits.argMax(1).eq(target).toType(DataType.FLOAT32, false);
        metrics.put("acc", hits.mean());
        return new ObjectiveOutput(loss, metrics, List.of());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        head.initialize(manager, dataType);
    }
}
