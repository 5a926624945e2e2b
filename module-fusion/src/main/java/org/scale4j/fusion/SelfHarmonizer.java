package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.scale4j.api.model.Harmonizer;
import org.scale4j.api.model.HarmonyWeights;
import org.scale4j.api.nn.Scalars;

/**
 * Per-sample self-harmonized weights (spec 2.6): {@code C} = cosine graph of the modality
 * vectors, {@code R = C ⊙ softmax_row(C)}, rows L2-normalised into {@code W}; pair weights
 * {@code W[b,i,j]}, modality weights {@code W[b,m,m]}. Nothing is detached.
 *
 * <p>With {@code maskMissing}, a modality missing for sample {@code b} takes no share of any row's
 * softmax and its row and column of {@code W} are 0; the rest of the graph is computed over the
 * present modalities only (a unimodal sample gets {@code W[m,m] = 1}).
 */
final class SelfHarmonizer implements Harmonizer {

    private final boolean maskMissing;
    private final float eps;

    SelfHarmonizer(boolean maskMissing, float eps) {
        this.maskMissing = maskMissing;
        this.eps = eps;
    }

    @Override
    public HarmonyWeights harmonize(List<String> modalities, NDArray summaries, NDArray present) {
        NDArray cosine = GraphMath.cosine(summaries, eps);
        NDArray pair = GraphMath.pairMask(present, maskMissing);
        NDArray rowSoftmax = cosine.add(Scalars.mul(Scalars.add(pair, -1f), -GraphMath.MASKED)).softmax(2);
        NDArray harmonized = cosine.mul(rowSoftmax).mul(pair);
        NDArray weights = GraphMath.l2Normalize(harmonized, 2).mul(pair);
        return new HarmonyWeights(modalities, weights, GraphMath.diagonal(weights));
    }
}
