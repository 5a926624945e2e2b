package org.scale4j.training.parallel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter values one non-primary replica computes with: a private copy of each parameter on
 * the replica's device, made the first time a block asks for it (so a replica only holds the
 * parameters its part of the forward pass reads: encoders, poolers, fusion, not the objective
 * heads). Blocks reach parameters only through {@link #getValue}, so handing a block this store
 * runs it on the copies.
 *
 * <p>The copies are leaves that require a gradient (when the parameter does); backward fills their
 * gradients, {@link ReplicaSet#reduceGradients} adds those into the primary's and zeroes them, and
 * {@link ReplicaSet#refresh} overwrites the copies with the primary's values after each update.
 */
final class ReplicaParameterStore extends ParameterStore {

    private final Device device;
    private final NDManager manager;
    private final Map<String, Replicated> copies = new LinkedHashMap<>();

    /** A parameter and its copy on this replica. */
    record Replicated(Parameter parameter, NDArray copy) {
    }

    /** @param manager a long-lived manager on the replica's device; it owns the copies */
    ReplicaParameterStore(NDManager manager) {
        super(manager, false);
        this.manager = manager;
        this.device = manager.getDevice();
    }

    Device device() {
        return device;
    }

    /** The copies made so far, in first-use order. */
    Map<String, Replicated> copies() {
        return Collections.unmodifiableMap(copies);
    }

    /**
     * This replica's copy of {@code parameter}.
     *
     * @throws IllegalStateException when a block asks for the parameter on another device: its
     *     input was not moved to this replica
     */
    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null; // optional parameters (DJL convention)
        }
        if (!device.equals(this.device)) {
            throw new IllegalStateException("parameter " + parameter.getName() + " asked for on " + device
                    + " by the replica on " + this.device + "; the shard's inputs were not moved to its replica");
        }
        return copies.computeIfAbsent(parameter.getId(), id -> new Replicated(parameter, copyOf(parameter))).copy();
    }

    /**
     * A detached copy of the parameter's current value, owned by this replica's manager. The
     * primary array is only aliased (never re-attached) and the alias lives here, so nothing is
     * added to the model's manager.
     */
    private NDArray copyOf(Parameter parameter) {
        NDArray alias = parameter.getArray().stopGradient();
        alias.attach(manager);
        NDArray copy = alias.getDevice().equals(device) ? alias.duplicate() : alias.toDevice(device, false);
        copy.attach(manager);
        alias.close();
        if (parameter.requiresGradient()) {
            copy.setRequiresGradient(true);
        }
        return copy;
    }
}
