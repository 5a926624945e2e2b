package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;

/** Turns per-sample key masks into the attention masks of {@link TransformerLayer}. */
public final class KeyMasks {

    private KeyMasks() {
    }

    /**
     * Expands a key mask to an attention mask: every query of sample {@code b} may attend exactly
     * the real keys of sample {@code b} (per sample, batch-major: never spec quirk Q8).
     *
     * @param keyMask {@code [B,T]} float32, 1 for real positions
     * @return {@code [B,T,T]} float32 with {@code out[b,t,s] = keyMask[b,s]}
     */
    public static NDArray attentionMask(NDArray keyMask) {
        long batch = keyMask.getShape().get(0);
        long tokens = keyMask.getShape().get(1);
        return keyMask.expandDims(1).broadcast(batch, tokens, tokens);
    }

    /**
     * Zeroes the states of masked positions so that nothing downstream can depend on padded or
     * missing data.
     *
     * @param states {@code [B,T,H]}
     * @param keyMask {@code [B,T]} float32
     */
    public static NDArray zeroMasked(NDArray states, NDArray keyMask) {
        return states.mul(keyMask.expandDims(2));
    }
}
