package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.scale4j.api.nn.Scalars;

/** The contrastive math on tensors: normalisation, masked cross-entropy, accuracy. */
final class Contrast {

    /** Offset that removes a logit from a softmax: exp(-1e4) is exactly 0 in float32. */
    static final float MASKED = -1e4f;

    private Contrast() {
    }

    /**
     * Shortest norm a feature row is divided by. Pooled features are ReLU outputs of norm about 1;
     * a row shorter than this has no meaningful direction. The floor bounds the gradient through
     * the normalisation by {@code 1/NORM_FLOOR} (the earlier floor of 1e-12 let a nearly dead
     * pooled vector pass gradients of 1e12 to its pooler).
     */
    static final float NORM_FLOOR = 1e-6f;

    /**
     * {@code x / max(|x|, 1e-6)} along the last axis of {@code [..., P]}: the unit vector for any
     * real feature, 0 for a zero row, and a gradient of at most 1e6 times the incoming one.
     */
    static NDArray normalizeRows(NDArray x) {
        int last = x.getShape().dimension() - 1;
        return x.div(Scalars.maximum(x.square().sum(new int[] {last}, true), NORM_FLOOR * NORM_FLOOR).sqrt());
    }

    /** {@code (allowed - 1) · 1e4}: 0 where allowed, -1e4 where not. */
    static NDArray offset(NDArray allowed) {
        return Scalars.mul(Scalars.add(allowed, -1f), -MASKED);
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
