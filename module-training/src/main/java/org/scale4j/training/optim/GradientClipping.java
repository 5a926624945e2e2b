package org.scale4j.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * Global-norm gradient clipping done by hand: DJL's {@code optClipGrad} is an element-wise,
 * one-sided clamp in the PyTorch engine (djl-notes pitfall 7).
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Computes the global L2 norm of all gradients and, when it exceeds {@code maxNorm}, scales
     * every gradient in place by {@code maxNorm / (norm + 1e-6)} (PyTorch's
     * {@code clip_grad_norm_}).
     *
     * @param parameters the trainable parameters (with gradients)
     * @param maxNorm the largest allowed norm; {@code <= 0} or infinite disables clipping
     * @param scratch a per-step manager that owns the temporaries (djl-notes pitfall 6)
     * @return the norm before clipping (NaN or infinite when a gradient is)
     */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm, NDManager scratch) {
        // One host read for the whole model: per-parameter reads would each sync with the device.
        NDArray sumSquares = scratch.zeros(new ai.djl.ndarray.types.Shape());
        for (Parameter parameter : parameters) {
            NDArray gradient = parameter.getArray().getGradient();
            gradient.attach(scratch);
            NDArray squares = gradient.square().sum();
            squares.attach(scratch);
            sumSquares.addi(squares);
        }
        double norm = Math.sqrt(sumSquares.getFloat());
        if (maxNorm > 0 && Double.isFinite(maxNorm) && Double.isFinite(norm) && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Parameter parameter : parameters) {
                NDArray gradient = parameter.getArray().getGradient();
                gradient.attach(scratch);
                gradient.muli(scale);
            }
        }
        return norm;
    }
}
