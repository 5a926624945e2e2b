package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** The contrastive math on tensors: normalisation, masked cross-entropy, accuracy. */
final class Contrast {

    /** Offset that removes a logit from a softmax: exp(-1e4) is exactly 0 in float32. */
    static final float MASKED = -1e4f;

    private Contrast() {
    }

    /** {@code x / sqrt(max(|x|², 1e-24))} per row of {@code [N,P]}: finite gradients even for a zero row. */
    static NDArray normalizeRows(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).maximum(1e-24f).sqrt());
    }

    /** {@code (allowed - 1) · 1e4}: 0 where allowed, -1e4 where not. */
    static NDArray offset(NDArray allowed) {
        return allowed.sub(1f).mul(-MASKED);
    }

    /**
     * Cross-entropy per row against a one-hot target matrix.
     *
     * @param logits {@code [N,K]} with masked entries already offset
     * @param target {@code [N,K]} one 1 per row
     * @return {@code [N]}
     */
    static NDArray crossEntropy(NDArray logits, NDArray target) {
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg();
    }

    /** 1 per row where the target logit is the row maximum, else 0; {@code [N]}. */
    static NDArray hits(NDArray logits, NDArray target) {
        NDArray positive = logits.mul(target).sum(new int[] {1});
        return positive.gte(logits.max(new int[] {1})).toType(DataType.FLOAT32, false);
    }

    /** A float32 scalar 0 in {@code manager}. */
    static NDArray zero(NDManager manager) {
        return manager.create(0f);
    }
}
