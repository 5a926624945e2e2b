package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.modality.MaskingRequest;
import org.scale4j.api.objective.ModelOutput;
import org.scale4j.api.objective.ObjectiveOutput;

/**
 * SIMCL (spec 2.7): for every pair of modalities {@code (i<j)} in sorted order, NT-Xent over the
 * {@code 2N} rows {@code [F_i; F_j]} of the taking-part samples (L2-normalised; positive = the same
 * sample in the other modality; negatives = every other taking-part row of both modalities),
 * logits {@code z·z'/τ} multiplied for rows {@code b} and {@code B+b} by the pair weight
 * {@code W_b[i,j]}; loss = mean over the {@code 2N} rows. The objective's loss is the mean over the
 * pairs with at least one taking-part sample; a pair with none contributes 0 and is reported.
 *
 * <p>With {@code maskMissing} (default) a sample missing either modality is neither an anchor nor
 * a negative of that pair; without it every sample takes part (released behaviour).
 *
 * <p>Metrics: {@code acc/<i>-<j>} (share of rows whose positive is the top logit),
 * {@code loss/<i>-<j>}, {@code pairs} (pairs that contributed).
 */
final class SimclObjective extends ObjectiveBlock {

    private final float temperature;
    private final boolean maskMissing;

    SimclObjective(float temperature, boolean maskMissing) {
        this.temperature = temperature;
        this.maskMissing = maskMissing;
    }

    @Override
    public List<MaskingRequest> masking() {
        return List.of();
    }

    @Override
    public ObjectiveOutput compute(ParameterStore ps, Batch batch, ModelOutput output, boolean training) {
        NDManager manager = output.present().getManager();
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
                    skipped.add("simcl pair " + pair.key() + ": no sample has both modalities");
                    continue;
                }
                NDArray weights = pair.pairWeights(output.contrastWeights().pairWeights());
                NDArray[] result = pairLoss(output.contrastive().get(pair.first()), output.contrastive().get(pair.second()),
                        weights, manager.create(pair.valid()), pair.count());
                metrics.put("loss/" + pair.key(), result[0]);
                metrics.put("acc/" + pair.key(), result[1]);
                total = total.add(result[0]);
                pairs++;
            }
        }
        NDArray loss = pairs == 0 ? total : total.div(pairs);
        metrics.put("pairs", manager.create((float) pairs));
        return new ObjectiveOutput(loss, metrics, skipped);
    }

    /**
     * NT-Xent of one pair.
     *
     * @param first {@code [B,P]}
     * @param second {@code [B,P]}
     * @param weights {@code [B]} pair weight per sample
     * @param valid {@code [B]} 1 where the sample takes part
     * @param count the number of taking-part samples ({@code > 0})
     * @return the loss and the accuracy, scalars
     */
    NDArray[] pairLoss(NDArray first, NDArray second, NDArray weights, NDArray valid, int count) {
        long batch = first.getShape().get(0);
        NDManager manager = valid.getManager();
        NDArray z = Contrast.normalizeRows(first.concat(second, 0));
        NDArray rowWeights = weights.concat(weights, 0).expandDims(1);
        NDArray logits = z.matMul(z.transpose()).div(temperature).mul(rowWeights);
        NDArray rows = valid.concat(valid, 0);
        NDArray eye = manager.eye((int) (2 * batch));
        NDArray allowed = rows.expandDims(0).broadcast(new Shape(2 * batch, 2 * batch)).mul(eye.sub(1f).neg());
        NDArray masked = logits.add(Contrast.offset(allowed));
        NDArray zeros = manager.zeros(new Shape(batch, batch), DataType.FLOAT32);
        NDArray identity = manager.eye((int) batch);
        NDArray target = zeros.concat(identity, 1).concat(identity.concat(zeros, 1), 0);
        NDArray rowLoss = Contrast.crossEntropy(masked, target);
        NDArray loss = rowLoss.mul(rows).sum().div(2f * count);
        NDArray accuracy = Contrast.hits(masked, target).mul(rows).sum().div(2f * count);
        return new NDArray[] {loss, accuracy};
    }
}
