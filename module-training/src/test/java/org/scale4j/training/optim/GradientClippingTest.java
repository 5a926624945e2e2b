package org.scale4j.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static Parameter withGradient(NDManager manager, float[] gradient) {
        Parameter p = Parameter.builder().setName("p").setType(Parameter.Type.WEIGHT)
                .build();
        NDArray array = manager.zeros(new Shape(gradient.length));
        array.setRequiresGradient(true);
        p.setArray(array);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(array.mul(manager.create(gradient)).sum());
        }
        return p;
    }

    @Test
    void scalesBothSignsToTheGlobalNorm() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // Global norm of (3, -4) and (12) is 13.
            Parameter a = withGradient(manager, new float[] {3, -4});
            Parameter b = withGradient(manager, new float[] {12});
            double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0, manager.newSubManager());
            assertEquals(13.0, norm, 1e-5);
            float scale = (float) (1.0 / (13.0 + 1e-6));
            assertArrayEquals(new float[] {3 * scale, -4 * scale}, a.getArray().getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {12 * scale}, b.getArray().getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void leavesSmallGradientsAlone() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter a = withGradient(manager, new float[] {0.3f, -0.4f});
            assertEquals(0.5, GradientClipping.clipGlobalNorm(List.of(a), 1.0, manager.newSubManager()), 1e-6);
            assertArrayEquals(new float[] {0.3f, -0.4f}, a.getArray().getGradient().toFloatArray(), 0f);
        }
    }
}
