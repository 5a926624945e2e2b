package org.scale4j.fusion;

import ai.djl.ndarray.NDArray;
import java.util.SortedMap;
import org.scale4j.api.model.EncoderOutput;

/** Masked averages over modalities used by the baseline fusions. */
final class PooledContext {

    private PooledContext() {
    }

    /**
     * The mean of every real token of every present modality of each sample.
     *
     * @return {@code [B,H]}; 0 for a sample with no real token
     */
    static NDArray meanOfTokens(SortedMap<String, EncoderOutput> unimodal) {
        NDArray sum = null;
        NDArray count = null;
        for (EncoderOutput out : unimodal.values()) {
            NDArray s = out.states().mul(out.mask().expandDims(2)).sum(new int[] {1});
            NDArray c = out.mask().sum(new int[] {1}, true);
            sum = sum == null ? s : sum.add(s);
            count = count == null ? c : count.add(c);
        }
        return sum.div(count.maximum(1f));
    }

    /** {@code (states + context[:,None,:]) ⊙ mask}: adds a per-sample vector to every real token. */
    static NDArray addToTokens(EncoderOutput out, NDArray context) {
        return out.states().add(context.expandDims(1)).mul(out.mask().expandDims(2));
    }
}
