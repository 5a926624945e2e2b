package org.scale4j.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {

    @Test
    void zeroesNaNAndInfiniteGradients() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Parameter p = Parameter.builder().setName("p").setType(Parameter.Type.WEIGHT).build();
            NDArray w = manager.create(new float[] {0f, 1f, 2f});
            w.setRequiresGradient(true);
            p.setArray(w);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // d/dw of w * [NaN, inf, 3] = [NaN, inf, 3]
                collector.backward(w.mul(manager.create(new float[] {Float.NaN, Float.POSITIVE_INFINITY, 3f})).sum());
            }
            float[] before = w.getGradient().toFloatArray();
            assertTrue(Float.isNaN(before[0]) && Float.isInfinite(before[1]));
            Gradients.zero(List.of(p), manager.newSubManager());
            assertArrayEquals(new float[3], w.getGradient().toFloatArray(), 0f);
        }
    }
}
