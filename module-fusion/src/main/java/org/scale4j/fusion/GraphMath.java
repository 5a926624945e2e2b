package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;

/** The tensor pieces of spec 2.6 shared by the harmonizers. */
final class GraphMath {

    /** Offset that removes an entry from a softmax: exp(-1e4) is exactly 0 in float32. */
    static final float MASKED = -1e4f;

    private GraphMath() {
    }

    /**
     * Per-sample cosine matrix {@code C[b,m,n] = f·g / sqrt(max(|f|²|g|², eps²))} (PyTorch's
     * formulation; finite gradients even for a zero vector).
     *
     * @param summaries {@code [B,M,D]}
     * @return {@code [B,M,M]}
     */
    static NDArray cosine(NDArray summaries, float eps) {
        NDArray dot = summaries.batchMatMul(summaries.transpose(0, 2, 1));
        NDArray squares = summaries.square().sum(new int[] {2});
        NDArray denominator = squares.expandDims(2).mul(squares.expandDims(1)).maximum(eps * eps).sqrt();
        return dot.div(denominator);
    }

    /** {@code [B,M,M]} co-presence {@code p[b,m]·p[b,n]}, or all ones when missing modalities count. */
    static NDArray pairMask(NDArray present, boolean maskMissing) {
        NDArray pair = present.expandDims(2).mul(present.expandDims(1));
        return maskMissing ? pair : pair.onesLike();
    }

    /** {@code x / sqrt(sum(x², axis) + 1e-24)}: an L2 normalisation that is 0 (not NaN) for a zero row. */
    static NDArray l2Normalize(NDArray x, int axis) {
        return x.div(x.square().sum(new int[] {axis}, true).add(1e-24f).sqrt());
    }

    /** The diagonal {@code [B,M]} of {@code [B,M,M]}. */
    static NDArray diagonal(NDArray matrices) {
        long m = matrices.getShape().get(1);
        NDArray eye = matrices.getManager().eye((int) m);
        return matrices.mul(eye).sum(new int[] {2});
    }
}
