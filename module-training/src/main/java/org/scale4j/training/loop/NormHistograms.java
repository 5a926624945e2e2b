package org.scale4j.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The L2 norm of every parameter and of its gradient, as two value lists for TensorBoard
 * histograms: a vanishing or exploding layer shows as a tail. One host read per list.
 */
final class NormHistograms {

    private NormHistograms() {
    }

    /** {@code norms/parameters} and {@code norms/gradients}, one entry per parameter. */
    static Map<String, float[]> of(List<Parameter> parameters, NDManager scratch) {
        NDList weights = new NDList(parameters.size());
        NDList gradients = new NDList(parameters.size());
        for (Parameter p : parameters) {
            NDArray weight = p.getArray();
            NDArray gradient = weight.getGradient();
            gradient.attach(scratch);
            // Results join their first operand's manager: squaring the parameter first into the
            // scratch manager keeps the whole chain there (djl-notes pitfall 6).
            weights.add(track(weight.square(), scratch).sum().sqrt());
            gradients.add(gradient.square().sum().sqrt());
        }
        return Map.of(
                "norms/parameters", track(NDArrays.stack(weights), scratch).toFloatArray(),
                "norms/gradients", track(NDArrays.stack(gradients), scratch).toFloatArray());
    }

    private static NDArray track(NDArray array, NDManager scratch) {
        array.attach(scratch);
        return array;
    }
}
