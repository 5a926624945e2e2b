package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonyWeights;
import org.scale4j.api.nn.Scalars;

/**
 * The batch-level variant of spec 2.6 (the released, unused {@code graph_construct}): average the
 * cosine graphs over the batch, {@code R = C̄ ⊙ softmax(C̄, dim 1)}, L2-normalise {@code R} along
 * dim 0 (columns, as released) into {@code W}; modality weights {@code diag(W) / Σ diag(W)}. The
 * same weights go to every sample, zeroed where the sample lacks a modality.
 *
 * <p>With {@code maskMissing}, {@code C̄[m,n]} averages only the samples that have both
 * modalities, and a pair no sample has is removed from the softmax.
 */
final class BatchHarmonizer implements Harmonizer {

    private final boolean maskMissing;
    private final float eps;

    BatchHarmonizer(boolean maskMissing, float eps) {
        this.maskMissing = maskMissing;
        this.eps = eps;
    }

    @Override
    public HarmonyWeights harmonize(List<String> modalities, NDArray summaries, NDArray present) {
        NDArray cosine = GraphMath.cosine(summaries, eps);
        NDArray pair = GraphMath.pairMask(present, maskMissing);
        NDArray counts = pair.sum(new int[] {0});
        NDArray mean = cosine.mul(pair).sum(new int[] {0}).div(counts.maximum(1f));
        NDArray seen = counts.gt(0f).toType(DataType.FLOAT32, false);
        NDArray softmax = mean.add(seen.sub(1f).mul(-GraphMath.MASKED)).softmax(1);
        NDArray harmonized = mean.mul(softmax).mul(seen);
        NDArray weights = GraphMath.l2Normalize(harmonized, 0);
        NDArray diagonal = weights.mul(weights.getManager().eye((int) weights.getShape().get(0))).sum(new int[] {1});
        NDArray modalityWeights = diagonal.div(Scalars.maximum(diagonal.sum(), 1e-12f));
        NDArray presence = maskMissing ? present : present.onesLike();
        return new HarmonyWeights(modalities, weights.expandDims(0).mul(pair), modalityWeights.expandDims(0).mul(presence));
    }
}
