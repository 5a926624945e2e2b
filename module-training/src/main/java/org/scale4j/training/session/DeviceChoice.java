package org.scale4j.training.session;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Resolves {@code trainer.devices} to the device the run trains on. */
public final class DeviceChoice {

    private DeviceChoice() {
    }

    /**
     * {@code auto}: the first GPU when PyTorch sees one, else the CPU; {@code cpu}; {@code gpu} or
     * {@code gpu:N}: that GPU, failing clearly when none is visible.
     *
     * @throws RunSetupException for a GPU that is not there, or for several GPUs (data parallelism
     *     over devices is not available in this build: use {@code trainer.micro_batches})
     */
    public static Device resolve(String devices) {
        int gpus = Engine.getInstance().getGpuCount();
        if (devices.equals("auto")) {
            return gpus > 0 ? Device.gpu() : Device.cpu();
        }
        if (devices.equals("cpu")) {
            return Device.cpu();
        }
        String[] ids = devices.equals("gpu") ? new String[] {"0"} : devices.substring(4).split(",");
        if (gpus == 0) {
            throw new RunSetupException("trainer.devices: '" + devices + "' asks for a GPU, but PyTorch sees none. "
                    + "This build bundles the CPU libtorch from Maven Central; see README section 'GPUs' for what "
                    + "a GPU run needs, or set trainer.devices: cpu");
        }
        if (ids.length > 1) {
            throw new RunSetupException("trainer.devices: '" + devices + "' asks for " + ids.length + " GPUs; this "
                    + "build trains on one device. Use one GPU, or trainer.micro_batches to split the global batch");
        }
        int id = Integer.parseInt(ids[0]);
        if (id >= gpus) {
            throw new RunSetupException("trainer.devices: gpu " + id + " does not exist; PyTorch sees " + gpus + " GPU(s)");
        }
        return Device.gpu(id);
    }
}
