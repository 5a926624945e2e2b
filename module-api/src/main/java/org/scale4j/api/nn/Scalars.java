package org.scale4j.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar arithmetic that is safe inside a graph that will be differentiated.
 *
 * <p>Why: DJL's PyTorch {@code NDArray.mul(Number)} (also {@code div}, {@code maximum},
 * {@code minimum}, ...) creates a temporary scalar tensor over a Java direct buffer (no copy) and
 * closes it as soon as the op returns. PyTorch keeps that scalar for the backward pass
 * ({@code d(x·s)/dx = s}); once the JVM collects the buffer its memory is freed or reused, and the
 * backward reads garbage. That was the quickstart's "finite loss, NaN gradient norm" steps: forcing
 * {@code System.gc()} between forward and backward made every step non-finite (first in the
 * attention's query scaling). These helpers create the scalar in engine memory in the operand's
 * manager, where it lives until that manager (the step's) is closed, after the backward.
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * A float32 scalar in {@code like}'s manager, allocated by the engine ({@code full}) rather than
     * over a Java buffer: PyTorch's autograd then holds its own reference to the memory, and no
     * direct buffer is allocated per operation.
     */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, DataType.FLOAT32);
    }

    /** {@code x + value}, safe to differentiate. */
    public static NDArray add(NDArray x, float value) {
        return x.add(of(x, value));
    }

    /** {@code x · value}, safe to differentiate. */
    public static NDArray mul(NDArray x, float value) {
        return x.mul(of(x, value));
    }

    /** {@code x / value}, safe to differentiate. */
    public static NDArray div(NDArray x, float value) {
        return x.div(of(x, value));
    }

    /** {@code max(x, value)} element-wise, safe to differentiate. */
    public static NDArray maximum(NDArray x, float value) {
        return x.maximum(of(x, value));
    }

    /** {@code min(x, value)} element-wise, safe to differentiate. */
    public static NDArray minimum(NDArray x, float value) {
        return x.minimum(of(x, value));
    }
}
