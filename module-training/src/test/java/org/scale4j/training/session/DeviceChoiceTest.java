package org.scale4j.training.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Device lists on a machine without GPUs (the only kind CI has). */
class DeviceChoiceTest {

    @Test
    void cpuChoices() {
        assertEquals(List.of(Device.cpu()), DeviceChoice.resolveAll("cpu"));
        assertEquals(List.of(Device.cpu()), DeviceChoice.resolveAll("auto"));
        assertEquals(List.of(Device.cpu(), Device.cpu(), Device.cpu()), DeviceChoice.resolveAll("cpu:3"));
        assertEquals(Device.cpu(), DeviceChoice.resolve("cpu:2"));
        assertEquals("cpu() x3", DeviceChoice.describe(DeviceChoice.resolveAll("cpu:3")));
        assertEquals("cpu()", DeviceChoice.describe(List.of(Device.cpu())));
        assertEquals("gpu(0)+gpu(1)", DeviceChoice.describe(List.of(Device.gpu(0), Device.gpu(1))));
    }

    @Test
    void clearErrors() {
        assertEquals("trainer.devices: 'cpu:0' asks for no CPU replica; use cpu, or cpu:N with N >= 1",
                assertThrows(RunSetupException.class, () -> DeviceChoice.resolveAll("cpu:0")).getMessage());
        assertEquals("trainer.devices: 'cpu:99999999999': 99999999999 is not a device number",
                assertThrows(RunSetupException.class, () -> DeviceChoice.resolveAll("cpu:99999999999")).getMessage());
        for (String gpus : List.of("gpu", "gpu:1", "gpu:0,1")) {
            assertEquals("trainer.devices: '" + gpus + "' asks for a GPU, but PyTorch sees none. This build bundles "
                    + "the CPU libtorch from Maven Central; see README section 'GPUs' for what a GPU run needs, or set "
                    + "trainer.devices: cpu",
                    assertThrows(RunSetupException.class, () -> DeviceChoice.resolveAll(gpus)).getMessage());
        }
    }
}
