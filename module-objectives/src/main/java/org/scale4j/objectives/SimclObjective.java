package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
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
import org.scale4j.api.nn.Scalars;
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
        int m = names.size();
        float[] present = output.present().toFloatArray();
        int size = present.length / m;
        List<PairSelection> pairs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                PairSelection pair = PairSelection.of(names.get(i), i, names.get(j), j, present, m, maskMissing);
                if (pair.count() == 0) {
                    skipped.add("simcl pair " + pair.key() + ": no sample has both modalities");
                } else {
                    pairs.add(pair);
                }
            }
        }
        SortedMap<String, NDArray> metrics = new TreeMap<>();
        metrics.put("pairs", manager.create((float) pairs.size()));
        if (pairs.isEmpty()) {
            return new ObjectiveOutput(Contrast.zero(manager), metrics, skipped);
        }
        // every contributing pair at once: [K, 2B, P] views, one batched similarity
        NDList first = new NDList();
        NDList second = new NDList();
        long[] cells = new long[pairs.size()];
        float[] valid = new float[pairs.size() * size];
        float[] counts = new float[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            PairSelection pair = pairs.get(k);
            first.add(output.contrastive().get(names.get(pair.firstColumn())));
            second.add(output.contrastive().get(names.get(pair.secondColumn())));
            cells[k] = (long) pair.firstColumn() * m + pair.secondColumn();
            System.arraycopy(pair.valid(), 0, valid, k * size, size);
            counts[k] = pair.count();
        }
        // Each modality is in several pairs. Stacking the pairs' features (backward: a split, whose
        // pieces autograd adds in a fixed order) rather than indexing one stack with repeated indices:
        // PyTorch's CPU backward of that index adds duplicates with parallel atomic adds once the
        // tensor has 32,768 elements or more, so with 2+ threads the gradients changed from run to run.
        // The cells are distinct, so indexing the pair weights is safe.
        NDArray weights = output.contrastWeights().pairWeights().reshape(size, (long) m * m).transpose()
                .get(new NDIndex("{}", manager.create(cells)));
        NDArray[] result = pairLosses(NDArrays.stack(first, 0), NDArrays.stack(second, 0), weights,
                manager.create(valid, new Shape(pairs.size(), size)), manager.create(counts));
        for (int k = 0; k < pairs.size(); k++) {
            metrics.put("loss/" + pairs.get(k).key(), result[0].get(k));
            metrics.put("acc/" + pairs.get(k).key(), result[1].get(k));
        }
        return new ObjectiveOutput(result[0].mean(), metrics, skipped);
    }

    /**
     * NT-Xent of {@code K} pairs at once.
     *
     * @param first {@code [K,B,P]} features of each pair's first modality
     * @param second {@code [K,B,P]} features of each pair's second modality
     * @param weights {@code [K,B]} pair weight per sample
     * @param valid {@code [K,B]} 1 where the sample takes part in the pair
     * @param counts {@code [K]} taking-part samples per pair (each {@code > 0})
     * @return the loss {@code [K]} and the accuracy {@code [K]} of each pair
     */
    NDArray[] pairLosses(NDArray first, NDArray second, NDArray weights, NDArray valid, NDArray counts) {
        long batch = first.getShape().get(1);
        NDManager manager = valid.getManager();
        NDArray z = first.concat(second, 1);
        z = Contrast.normalizeRows(z);
        NDArray rows = valid.concat(valid, 1);
        NDArray logits = Scalars.div(z.batchMatMul(z.transpose(0, 2, 1)), temperature).mul(weights.concat(weights, 1).expandDims(2));
        NDArray notSelf = Scalars.add(manager.eye((int) (2 * batch)).neg(), 1f);
        NDArray allowed = rows.expandDims(1).mul(notSelf);
        NDArray masked = logits.add(Contrast.offset(allowed));
        NDArray zeros = manager.zeros(new Shape(batch, batch), DataType.FLOAT32);
        NDArray identity = manager.eye((int) batch);
        NDArray target = zeros.concat(identity, 1).concat(identity.concat(zeros, 1), 0);
        NDArray rowLoss = masked.logSoftmax(2).mul(target).sum(new int[] {2}).neg();
        NDArray denominator = Scalars.mul(counts, 2f);
        NDArray loss = rowLoss.mul(rows).sum(new int[] {1}).div(denominator);
        NDArray positive = masked.mul(target).sum(new int[] {2});
        NDArray hits = positive.gte(masked.max(new int[] {2})).toType(DataType.FLOAT32, false);
        NDArray accuracy = hits.mul(rows).sum(new int[] {1}).div(denominator);
        return new NDArray[] {loss, accuracy};
    }
}
