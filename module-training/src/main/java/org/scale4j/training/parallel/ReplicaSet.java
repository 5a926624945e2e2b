package org.scale4j.training.parallel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices a step's forward pass is spread over: replica 0 is the primary (the model's own
 * parameters in the model's manager; the harmonizer, the objectives, clipping and the optimizer run
 * there), replicas 1… hold copies of the parameters on their own devices.
 *
 * <p>Per optimizer step: the forward pass reads parameters through {@link #store(int)}; after
 * backward, {@link #reduceGradients} adds every replica's gradients into the primary's (so the
 * primary holds the gradient of the global-batch loss, exactly as on one device); after the update,
 * {@link #refresh} copies the primary's new values into the replicas. Checkpoints therefore only
 * ever see the primary's parameters.
 *
 * <p>Several replicas may share one device: {@code trainer.devices: cpu:2} puts two on the CPU,
 * which runs the very code path of two GPUs (copies, boundaries, reduction) on a machine without
 * any, for tests and debugging. It is slower than one device, never faster.
 */
public final class ReplicaSet implements AutoCloseable {

    private final NDManager manager;
    private final ParameterStore primary;
    private final List<ReplicaParameterStore> replicas;

    private ReplicaSet(NDManager manager, List<ReplicaParameterStore> replicas) {
        this.manager = manager;
        this.primary = new ParameterStore(manager, false);
        this.replicas = List.copyOf(replicas);
    }

    /** One device, no copies: the model's parameters as they are. */
    public static ReplicaSet single(NDManager manager) {
        return new ReplicaSet(manager, List.of());
    }

    /**
     * @param manager the model's long-lived manager; its device is the primary device
     * @param devices the devices in order, the first being the primary's; a device may repeat
     * @throws IllegalArgumentException when {@code devices} is empty or does not start with the
     *     manager's device
     */
    public static ReplicaSet create(NDManager manager, List<Device> devices) {
        if (devices.isEmpty() || !devices.get(0).equals(manager.getDevice())) {
            throw new IllegalArgumentException("the first device must be the model's device " + manager.getDevice()
                    + ", got " + devices);
        }
        List<ReplicaParameterStore> replicas = new ArrayList<>();
        for (Device device : devices.subList(1, devices.size())) {
            replicas.add(new ReplicaParameterStore(manager.newSubManager(device)));
        }
        return new ReplicaSet(manager, replicas);
    }

    /** The number of replicas, the primary included. */
    public int size() {
        return 1 + replicas.size();
    }

    /** The device of replica {@code index} (0 is the primary). */
    public Device device(int index) {
        return index == 0 ? manager.getDevice() : replicas.get(index - 1).device();
    }

    /** The devices in replica order. */
    public List<Device> devices() {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            devices.add(device(i));
        }
        return devices;
    }

    /** The parameter store blocks of replica {@code index} read their parameters from. */
    public ParameterStore store(int index) {
        return index == 0 ? primary : replicas.get(index - 1);
    }

    /** The manager owning replica {@code index}'s parameter copies (the model's manager for 0). */
    public NDManager manager(int index) {
        return index == 0 ? manager : replicas.get(index - 1).getManager();
    }

    /**
     * The parameters replica {@code index} holds copies of, in first-use order: the ones its part
     * of the forward pass has read so far (all of them for the primary).
     */
    public List<ai.djl.nn.Parameter> replicated(int index) {
        if (index == 0) {
            throw new IllegalArgumentException("the primary holds the parameters themselves, not copies");
        }
        return replicas.get(index - 1).copies().values().stream().map(ReplicaParameterStore.Replicated::parameter)
                .toList();
    }

    /**
     * Adds each replica's parameter gradients into the primary parameter's gradient and sets the
     * replica's to zero (backward accumulates, so the next step starts clean). Call once per
     * optimizer step, after every backward of the step and before clipping.
     *
     * @param scratch a per-step manager on the primary device that owns every temporary handle
     */
    public void reduceGradients(NDManager scratch) {
        for (ReplicaParameterStore replica : replicas) {
            for (ReplicaParameterStore.Replicated r : replica.copies().values()) {
                if (!r.parameter().requiresGradient()) {
                    continue;
                }
                NDArray gradient = r.copy().getGradient();
                gradient.attach(scratch);
                NDArray onPrimary = gradient.toDevice(manager.getDevice(), false);
                onPrimary.attach(scratch);
                NDArray total = r.parameter().getArray().getGradient();
                total.attach(scratch);
                total.addi(onPrimary);
                // set, not subtract: a NaN gradient minus itself stays NaN
                gradient.set(new NDIndex("..."), 0f);
            }
        }
    }

    /**
     * Overwrites every replica copy with the primary parameter's current value, in place (the
     * copies stay the leaves the next forward pass uses). Call after each optimizer update.
     *
     * @param scratch a per-step manager on the primary device that owns every temporary handle
     */
    public void refresh(NDManager scratch) {
        for (ReplicaParameterStore replica : replicas) {
            for (ReplicaParameterStore.Replicated r : replica.copies().values()) {
                NDArray alias = r.parameter().getArray().stopGradient();
                alias.attach(scratch);
                NDArray value = alias.toDevice(replica.device(), false);
                value.attach(scratch);
                // written through a detached view of the copy: an in-place write into a leaf that
                // requires a gradient fails whenever the thread's grad mode is on
                NDArray target = r.copy().stopGradient();
                target.attach(scratch);
                target.set(new NDIndex("..."), value);
            }
        }
    }

    /** Frees the replicas' copies; the primary's parameters belong to the model. */
    @Override
    public void close() {
        for (ReplicaParameterStore replica : replicas) {
            replica.getManager().close();
        }
    }
}
