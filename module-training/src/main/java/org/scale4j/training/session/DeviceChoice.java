package org.scale4j.training.session;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code trainer.devices} to the devices a run trains on. The first device is the
 * primary: the model's parameters, the objectives, the optimizer and evaluation live there; the
 * others hold replicas for data parallelism (see {@code org.scale4j.training.parallel}).
 */
public final class DeviceChoice {

    private DeviceChoice() {
    }

    /** The primary device of {@link #resolveAll}: where evaluation and embedding run. */
    public static Device resolve(String devices) {
        return resolveAll(devices).get(0);
    }

    /**
     * <ul>
     *   <li>{@code auto}: every GPU PyTorch sees (data parallel over all of them), else the CPU;
     *   <li>{@code cpu}: the CPU;
     *   <li>{@code cpu:N}: N replicas on the CPU. They share the same cores, so this is never
     *       faster than {@code cpu}; it runs the multi-GPU code path (parameter copies, device
     *       boundaries, gradient reduction) on a machine without GPUs, for tests and debugging;
     *   <li>{@code gpu}: GPU 0; {@code gpu:N}: GPU N; {@code gpu:0,1}: data parallel over GPUs 0
     *       and 1 (GPU 0 is the primary).
     * </ul>
     *
     * @throws RunSetupException for a GPU that is not there, a GPU listed twice, or {@code cpu:0}
     */
    public static List<Device> resolveAll(String devices) {
        if (devices.equals("cpu")) {
            return List.of(Device.cpu());
        }
        if (devices.startsWith("cpu:")) {
            int count = number(devices, devices.substring(4));
            if (count < 1) {
                throw new RunSetupException("trainer.devices: '" + devices + "' asks for no CPU replica; use cpu, "
                        + "or cpu:N with N >= 1");
            }
            return java.util.Collections.nCopies(count, Device.cpu());
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (devices.equals("auto")) {
            List<Device> all = new ArrayList<>();
            for (int id = 0; id < gpus; id++) {
                all.add(Device.gpu(id));
            }
            return all.isEmpty() ? List.of(Device.cpu()) : all;
        }
        String[] ids = devices.equals("gpu") ? new String[] {"0"} : devices.substring(4).split(",");
        if (gpus == 0) {
            throw new RunSetupException("trainer.devices: '" + devices + "' asks for a GPU, but PyTorch sees none. "
                    + "This build bundles the CPU libtorch from Maven Central; see README section 'GPUs' for what "
                    + "a GPU run needs, or set trainer.devices: cpu");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String text : ids) {
            int id = number(devices, text);
            if (id >= gpus) {
                throw new RunSetupException("trainer.devices: gpu " + id + " does not exist; PyTorch sees " + gpus
                        + " GPU(s)");
            }
            if (!chosen.add(id)) {
                throw new RunSetupException("trainer.devices: '" + devices + "' lists GPU " + id + " twice; list "
                        + "each GPU once (cpu:N is the way to run several replicas on one device)");
            }
        }
        return chosen.stream().map(Device::gpu).toList();
    }

    private static int number(String devices, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RunSetupException("trainer.devices: '" + devices + "': " + text + " is not a device number");
        }
    }

    /** How a device list reads in the console and the provenance: {@code cpu()}, {@code cpu() x2}, {@code gpu(0)+gpu(1)}. */
    public static String describe(List<Device> devices) {
        if (devices.size() > 1 && devices.stream().distinct().count() == 1) {
            return devices.get(0) + " x" + devices.size();
        }
        return String.join("+", devices.stream().map(Device::toString).toList());
    }
}
