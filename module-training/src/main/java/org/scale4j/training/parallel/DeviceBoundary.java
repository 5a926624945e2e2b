package org.scale4j.training.parallel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one replica's phase-1 outputs cross to the primary device, and their gradients cross back
 * (the primary's own shards cross one too, as a detach without a copy).
 *
 * <p>{@link #cross} detaches an output from the replica's graph and moves it to the primary
 * device as a new leaf that requires a gradient (DJL's {@code toDevice} would cut the graph
 * anyway; detaching also on a shared device keeps one code path). After the loss's backward has
 * filled those leaves' gradients {@code g}, {@link #backward} back-propagates the replica's graph
 * from the surrogate {@code Σ sum(output ⊙ g)}, whose gradient with respect to each output is
 * exactly {@code g}: the vector-Jacobian product the unbroken graph would have computed.
 *
 * <p>Every handle it creates lives in the managers of the arrays it crosses (the step's), so it
 * leaves nothing behind after the step (djl-notes pitfall 6). One boundary serves one backward.
 */
public final class DeviceBoundary {

    private final Device primary;
    private final List<NDArray> outputs = new ArrayList<>();
    private final List<NDArray> leaves = new ArrayList<>();

    /** @param primary the device the gathered outputs and the loss live on */
    public DeviceBoundary(Device primary) {
        this.primary = primary;
    }

    /**
     * The value of {@code output} on the primary device, cut from the replica's graph. Floating
     * arrays come back as leaves that require a gradient and are remembered for {@link #backward};
     * others (integer or boolean masks) carry no gradient.
     */
    public NDArray cross(NDArray output) {
        NDArray detached = output.stopGradient();
        NDArray leaf = detached.toDevice(primary, false);
        if (leaf != detached) {
            detached.close();
        }
        if (output.getDataType().isFloating()) {
            leaf.setRequiresGradient(true);
            outputs.add(output);
            leaves.add(leaf);
        }
        return leaf;
    }

    /**
     * Back-propagates the gradients the primary's backward left on the crossed leaves through the
     * replica's graph, into the replica's parameter copies. Call inside the gradient collector of
     * the loss, after {@code collector.backward(loss)}.
     */
    public void backward(GradientCollector collector) {
        if (outputs.isEmpty()) {
            return;
        }
        NDArray surrogate = null;
        for (int i = 0; i < outputs.size(); i++) {
            NDArray output = outputs.get(i);
            NDArray gradient = leaves.get(i).getGradient().toDevice(output.getDevice(), false);
            NDArray term = output.mul(gradient).sum();
            surrogate = surrogate == null ? term : surrogate.add(term);
        }
        outputs.clear();
        leaves.clear();
        collector.backward(surrogate);
    }
}
