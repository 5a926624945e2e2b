package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;

/** Turns per-sample key masks into the attention masks of {@link TransformerLayer}. */
public final class KeyMasks {

    private KeyMasks() {
    }

    /** The score offset of a masked key: exp(-100000 + s) is exactly 0 in float32. */
    public static final float MASKED = -100000f;

    /**
     * Turns a key mask into the additive offset of the attention scores: every query of sample
     * {@code b} attends exactly the real keys of sample {@code b} (per sample, batch-major: never
     * spec quirk Q8).
     *
     * @param keyMask {@code [B,T]} float32, 1 for real positions
     * @return {@code [B,1,1,T]} float32: 0 for real keys, {@link #MASKED} for masked ones
     */
    public static NDArray keyOffset(NDArray keyMask) {
        long batch = keyMask.getShape().get(0);
        long tokens = keyMask.getShape().get(1);
        return Scalars.mul(Scalars.add(keyMask, -1f), -MASKED).reshape(batch, 1, 1, tokens);
    }

    /**
     * Repeats a key offset once per attention head, in the batch-major head order of the layers'
     * batched products (head {@code n} of sample {@code b} is row {@code b·N+n}).
     *
     * @param keyOffset {@code [B,1,1,T]} from {@link #keyOffset}
     * @param heads {@code N}
     * @return {@code [B·N,1,T]}
     */
    public static NDArray perHead(NDArray keyOffset, int heads) {
        long batch = keyOffset.getShape().get(0);
        long tokens = keyOffset.getShape().get(3);
        return keyOffset.broadcast(batch, heads, 1, tokens).reshape(batch * heads, 1, tokens);
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
