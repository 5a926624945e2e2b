package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import org.scale4j.api.nn.Scalars;

/** The tensor pieces of spec 2.6 shared by the harmonizers. */
final class GraphMath {

    /** Offset that removes an entry from a softmax: exp(-1e4) is exactly 0 in float32. */
    static final float MASKED = -1e4f;

    private GraphMath() {
    }

    /**
     * Per-sample cosine matrix {@code C[b,m,n] = f·g / sqrt(max(|f|²|g|², eps²))} off the diagonal
     * (PyTorch's formulation) and exactly 1 on it.
     *
     * <p>Why the diagonal is set rather than computed: {@code cos(f,f)} is 1 for every non-zero
     * {@code f}, but the eps clamp makes it {@code |f|²/eps}, about 0, once {@code |f| < 1e-4}
     * (a ReLU-pooled vector that has almost died). Such a row of {@code C ⊙ softmax(C)} is then
     * about 0, its L2 normalisation sits on its floor (gradient up to 1e12) and, chained with the
     * clamped cosine (1e8), pushed gradients of 1e20 to 1e35 into the poolers (the quickstart's
     * non-finite steps). With the diagonal fixed at 1, every present row has
     * {@code R[m,m] = softmax(C[m,:])_m ≥ 1/M}, so its normalisation is well conditioned, and the only large
     * factor left is the cosine's own, at most {@code |g|/eps} at {@code f = 0}.
     *
     * @param summaries {@code [B,M,D]}
     * @return {@code [B,M,M]}
     */
    static NDArray cosine(NDArray summaries, float eps) {
        NDArray dot = summaries.batchMatMul(summaries.transpose(0, 2, 1));
        NDArray squares = summaries.square().sum(new int[] {2});
        NDArray denominator = Scalars.maximum(squares.expandDims(2).mul(squares.expandDims(1)), eps * eps).sqrt();
        NDArray eye = summaries.getManager().eye((int) summaries.getShape().get(1));
        return dot.div(denominator).mul(Scalars.add(eye.neg(), 1f)).add(eye);
    }

    /** {@code [B,M,M]} co-presence {@code p[b,m]·p[b,n]}, or all ones when missing modalities count. */
    static NDArray pairMask(NDArray present, boolean maskMissing) {
        NDArray pair = present.expandDims(2).mul(present.expandDims(1));
        return maskMissing ? pair : pair.onesLike();
    }

    /**
     * {@code x / sqrt(sum(x², axis) + 1e-24)}: an L2 normalisation that is 0 (not NaN) for a zero
     * row. Its gradient at a zero row is 1e12 times the incoming one: callers multiply the result
     * by the presence mask so that a removed (zero) row receives no gradient at all.
     */
    static NDArray l2Normalize(NDArray x, int axis) {
        return x.div(x.square().sum(new int[] {axis}, true).add(Scalars.of(x, 1e-24f)).sqrt());
    }

    /** The diagonal {@code [B,M]} of {@code [B,M,M]}. */
    static NDArray diagonal(NDArray matrices) {
        long m = matrices.getShape().get(1);
        NDArray eye = matrices.getManager().eye((int) m);
        return matrices.mul(eye).sum(new int[] {2});
    }
}
