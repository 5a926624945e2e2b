package org.scale4j.training.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The oneDNN switch reaches PyTorch here (Linux, x86-64) and changes no result beyond float32 rounding. */
class OneDnnSwitchTest {

    @AfterAll
    static void restoreDefault() {
        // the state training uses (trainer.onednn: false), whatever ran before
        OneDnnSwitch.set(false);
    }

    @Test
    void setsAndReadsBackBothStates() {
        assertEquals(Optional.empty(), OneDnnSwitch.set(true));
        assertEquals(Optional.of(true), OneDnnSwitch.enabled());
        assertEquals(Optional.empty(), OneDnnSwitch.set(false));
        assertEquals(Optional.of(false), OneDnnSwitch.enabled());
    }

    /**
     * GELU is the op that takes the oneDNN kernel (a small tensor and one PyTorch would thread): the
     * two kernels round differently, which shows the switch reaches them, and agree to 2e-6.
     */
    @Test
    void switchesTheGeluKernelWithoutChangingResultsBeyondRounding() {
        for (long size : new long[] {80, 40_000}) {
            float[][] off = gelu(false, size);
            float[][] on = gelu(true, size);
            for (int part = 0; part < 2; part++) {
                String what = (part == 0 ? "gelu" : "gradient") + " of " + size + " values";
                float worst = 0;
                int differing = 0;
                for (int i = 0; i < off[part].length; i++) {
                    worst = Math.max(worst, Math.abs(off[part][i] - on[part][i]));
                    differing += Float.floatToIntBits(off[part][i]) != Float.floatToIntBits(on[part][i]) ? 1 : 0;
                }
                assertTrue(worst <= 2e-6f, what + " differs by " + worst);
                if (part == 0) {
                    assertTrue(differing > 0, what + ": bit-identical with oneDNN on and off, so the switch did nothing");
                }
            }
        }
    }

    /** GELU of seeded normal values and its gradient, with oneDNN on or off. */
    private static float[][] gelu(boolean oneDnn, long size) {
        assertEquals(Optional.empty(), OneDnnSwitch.set(oneDnn));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getInstance().setRandomSeed(11);
            NDArray x = manager.randomNormal(0, 2, new Shape(size), ai.djl.ndarray.types.DataType.FLOAT32);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Activation.gelu(x);
                // a non-uniform upstream gradient, so the backward kernel's every term is used
                collector.backward(y.mul(x.getManager().arange((float) size).div(size)).sum());
                return new float[][] {y.toFloatArray(), x.getGradient().toFloatArray()};
            }
        }
    }
}
