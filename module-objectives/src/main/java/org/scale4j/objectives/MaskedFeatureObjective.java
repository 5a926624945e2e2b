package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.batch.ModalityBatch;
import org.scale4j.api.batch.TensorKeys;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Scalars;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.ObjectiveOutput;

/**
 * Masked feature regression (MRM, MFM, MAM; spec 2.8): at every masked position
 * ({@code masked = 1}) of a present sample, the fused state goes through {@link PredictionHead}
 * and {@code Linear(H→D)}; loss = sum over positions and dims of the squared error against the
 * unmasked feature, divided by the number of masked positions. With weighting {@code output} the
 * prediction of sample {@code b} is multiplied by {@code w_b[m]} first (released, quirk Q4).
 *
 * <p>A batch without masked positions gives loss 0 and a note. Metrics: {@code masked} (count),
 * {@code mse} (mean squared error per dim, unweighted by the modality weight only if weighting is
 * {@code none}).
 */
final class MaskedFeatureObjective extends ObjectiveBlock {

    private final String task;
    private final String modality;
    private final MaskingRequest masking;
    private final Weighting weighting;
    private final int hidden;
    private final PredictionHead head;
    private final Linear output;

    MaskedFeatureObjective(String task, String modality, MaskingRequest masking, Weighting weighting, int hidden,
            int featureDim) {
        this.task = task;
        this.modality = modality;
        this.masking = masking;
        this.weighting = weighting;
        this.hidden = hidden;
        head = addChildBlock("head", new PredictionHead(hidden));
        output = addChildBlock("output", Linear.builder().setUnits(featureDim).build());
    }

    @Override
    public List<MaskingRequest> masking() {
        return List.of(masking);
    }

    @Override
    public ObjectiveOutput compute(ParameterStore ps, Batch batch, ModelOutput model, boolean training) {
        ModalityBatch input = batch.modality(modality);
        NDArray masked = input.target(TensorKeys.MASKED);
        NDManager manager = model.present().getManager();
        int tokens = (int) masked.getShape().get(1);
        MaskedSelection selection = MaskedSelection.of(masked.toFloatArray(), false, input.present().toFloatArray(),
                tokens);
        SortedMap<String, NDArray> metrics = new TreeMap<>();
        metrics.put("masked", manager.create((float) selection.count()));
        if (selection.count() == 0) {
            return new ObjectiveOutput(Contrast.zero(manager), metrics,
                    List.of(task + ": no masked position of " + modality + " in this batch"));
        }
        NDArray states = selection.rows(model.fused().of(modality).states(), manager);
        NDArray prediction = output.forward(ps, new NDList(head.transform(ps, states, training)), training)
                .singletonOrThrow();
        NDArray weights = selection.perSample(
                model.taskWeights().modalityWeights().get(":, " + model.taskWeights().indexOf(modality)), manager);
        if (weighting == Weighting.OUTPUT) {
            prediction = prediction.mul(weights.expandDims(1));
        }
        NDArray target = selection.rows(input.target(TensorKeys.TARGET), manager);
        NDArray squared = prediction.sub(target).square().sum(new int[] {1});
        metrics.put("mse", squared.mean().div((float) target.getShape().get(1)));
        if (weighting == Weighting.LOSS) {
            squared = squared.mul(weights);
        }
        return new ObjectiveOutput(Scalars.div(squared.sum(), (float) selection.count()), metrics, List.of());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        head.initialize(manager, dataType);
        output.initialize(manager, dataType, new Shape(-1, hidden));
    }
}
