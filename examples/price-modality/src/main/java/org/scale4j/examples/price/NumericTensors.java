package org.scale4j.examples.price;

/**
 * The tensor names of the {@code numeric-vector} kind beyond {@link org.scale4j.api.batch.TensorKeys}.
 * A plugin kind may add its own keys; only its own encoder and objective read them.
 */
final class NumericTensors {

    /**
     * Input {@code [B,T]} float32: 1 where the number is shown to the encoder, 0 where it was hidden
     * for masked number modelling (the encoder then adds its learned [MASK] vector). The summary
     * position and padding are 1.
     */
    static final String SHOWN = "shown";

    private NumericTensors() {
    }
}
