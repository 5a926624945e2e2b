package org.scale4j.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Objects;

/**
 * Token states of one modality.
 *
 * @param states {@code [B,T,H]}; position 0 is the modality's summary token
 * @param mask {@code [B,T]} float32 key mask, 1 for real positions; all 0 for a missing modality
 */
public record EncoderOutput(NDArray states, NDArray mask) {

    public EncoderOutput {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(mask, "mask");
    }

    /** The summary token {@code [B,H]} (position 0). */
    public NDArray summary() {
        return states.get(new NDIndex(":, 0, :"));
    }
}
