package org.scale4j.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.List;

/** Gradient housekeeping the engine does not offer directly. */
public final class Gradients {

    private Gradients() {
    }

    /**
     * Sets every gradient to zero in place, NaN and infinite entries included (subtracting a
     * gradient from itself would keep NaN). Used when a step is skipped: a new
     * {@code GradientCollector} does not clear gradients (djl-notes pitfall 11).
     */
    public static void zero(List<Parameter> parameters, NDManager scratch) {
        for (Parameter parameter : parameters) {
            NDArray gradient = parameter.getArray().getGradient();
            gradient.attach(scratch);
            gradient.set(new NDIndex("..."), 0f);
        }
    }
}
