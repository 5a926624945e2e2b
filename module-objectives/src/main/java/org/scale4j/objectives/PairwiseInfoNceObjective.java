package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.nn.Scalars;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.ObjectiveOutput;

/**
 * CLIP-style symmetric InfoNCE for every pair of modalities: logits {@code s · n_i n_jᵀ}
 * ({@code [N,N]} over the taking-part samples, L2-normalised features), cross-entropy to the
 * diagonal along rows and along columns, averaged; {@code s = min(exp(θ), maxScale)} with the
 * learnable {@code θ} initialised to {@code log(1/τ₀)}. Optionally the logits of sample {@code b}
 * are scaled by its pair weight. The loss is the mean over contributing pairs.
 *
 * <p>Metrics: {@code acc/<i>-<j>} (rows whose diagonal is the top logit), {@code loss/<i>-<j>},
 * {@code temperature} ({@code 1/s}).
 */
final class PairwiseInfoNceObjective extends ObjectiveBlock {

    private final float maxScale;
    private final boolean pairWeighted;
    private final boolean maskMissing;
    private final Parameter logitScale;

    PairwiseInfoNceObjective(float initTemperature, float maxScale, boolean pairWeighted, boolean maskMissing) {
        this.maxScale = maxScale;
        this.pairWeighted = pairWeighted;
        this.maskMissing = maskMissing;
        logitScale = addParameter(Parameter.builder().setName("logitScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1))
                .optInitializer(new ConstantInitializer((float) Math.log(1.0 / initTemperature)))
                .build());
    }

    @Override
    public List<MaskingRequest> masking() {
        return List.of();
    }

    @Override
    public ObjectiveOutput compute(ParameterStore ps, Batch batch, ModelOutput output, boolean training) {
        NDManager manager = output.present().getManager();
        // a fresh step-scoped array first, so the scale never lives in the parameter's manager
        NDArray theta = manager.zeros(new Shape(1)).add(ps.getValue(logitScale, manager.getDevice(), training));
        NDArray scale = Scalars.minimum(theta.exp(), maxScale);
        List<String> names = output.modalities();
        float[] present = output.present().toFloatArray();
        SortedMap<String, NDArray> metrics = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        NDArray total = Contrast.zero(manager);
        int pairs = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                PairSelection pair = PairSelection.of(names.get(i), i, names.get(j), j, present, names.size(), maskMissing);
                if (pair.count() == 0) {
                    skipped.add("pairwise-infonce pair " + pair.key() + ": no sample has both modalities");
                    continue;
                }
                NDArray weights = pairWeighted
                        ? pair.pairWeights(output.contrastWeights().pairWeights())
                        : manager.ones(new Shape(present.length / names.size()));
                NDArray[] result = pairLoss(output.contrastive().get(pair.first()),
                        output.contrastive().get(pair.second()), scale, weights, manager.create(pair.valid()),
                        pair.count());
                metrics.put("loss/" + pair.key(), result[0]);
                metrics.put("acc/" + pair.key(), result[1]);
                total = total.add(result[0]);
                pairs++;
            }
        }
        metrics.put("temperature", scale.reshape(new Shape()).pow(-1f));
        return new ObjectiveOutput(pairs == 0 ? total : Scalars.div(total, pairs), metrics, skipped);
    }

    /** The symmetric loss and row accuracy of one pair; see the class comment. */
    static NDArray[] pairLoss(NDArray first, NDArray second, NDArray scale, NDArray weights, NDArray valid, int count) {
        NDManager manager = valid.getManager();
        long batch = first.getShape().get(0);
        NDArray similarity = Contrast.normalizeRows(first).matMul(Contrast.normalizeRows(second).transpose()).mul(scale);
        NDArray rowWeights = weights.expandDims(1);
        NDArray offset = Contrast.offset(valid.expandDims(0).broadcast(new Shape(batch, batch)));
        NDArray target = manager.eye((int) batch, (int) batch, 0, DataType.FLOAT32);
        NDArray rowLogits = similarity.mul(rowWeights).add(offset);
        NDArray columnLogits = similarity.transpose().mul(rowWeights).add(offset);
        NDArray perSample = Scalars.div(Contrast.crossEntropy(rowLogits, target).add(Contrast.crossEntropy(columnLogits, target)), 2f);
        NDArray loss = Scalars.div(perSample.mul(valid).sum(), (float) count);
        NDArray accuracy = Contrast.hits(rowLogits, target).mul(valid).sum().div((float) count);
        return new NDArray[] {loss, accuracy};
    }
}
