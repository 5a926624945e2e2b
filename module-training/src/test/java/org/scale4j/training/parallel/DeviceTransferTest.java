package org.scale4j.training.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * Why data parallelism needs {@link DeviceBoundary}: DJL 0.35.1's {@code toDevice}/{@code toType}
 * (one native {@code torchTo}, run under a {@code NoGradGuard}) is not differentiable, and the
 * boundary's two-stage backward gives the gradient of the unbroken graph.
 */
class DeviceTransferTest {

    private static final float[] X = {0.5f, -1.25f, 2f};

    @Test
    void djlTransferCutsTheGraph() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // d/dx (2x + 3·moved(x)) is 5 if the move were differentiable, 2 as it is
                NDArray moved = x.toType(DataType.FLOAT64, false).toType(DataType.FLOAT32, false);
                assertNotSame(x, moved);
                collector.backward(x.mul(2).add(moved.mul(3)).sum());
            }
            assertArrayEquals(new float[] {2, 2, 2}, x.getGradient().toFloatArray(), 0f,
                    "torchTo became differentiable: DeviceBoundary could be replaced by a plain toDevice");
        }
    }

    @Test
    void boundaryGivesTheGradientOfTheUnbrokenGraph() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            // loss = sum(3·(x²)) + sum(x), the x² part computed on a "replica" and crossed over
            DeviceBoundary boundary = new DeviceBoundary(manager.getDevice());
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray onReplica = x.mul(x);
                NDArray crossed = boundary.cross(onReplica);
                NDArray loss = crossed.mul(3).sum().add(x.sum());
                collector.backward(loss);
                float[] beforeReplicaBackward = x.getGradient().toFloatArray();
                assertArrayEquals(new float[] {1, 1, 1}, beforeReplicaBackward, 0f, "only the direct term so far");
                boundary.backward(collector);
            }
            float[] expected = new float[X.length];
            for (int i = 0; i < X.length; i++) {
                expected[i] = 6 * X[i] + 1;
            }
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void nonFloatingOutputsCrossWithoutGradient() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray mask = manager.create(new boolean[] {true, false});
            DeviceBoundary boundary = new DeviceBoundary(manager.getDevice());
            NDArray crossed = boundary.cross(mask);
            assertArrayEquals(new boolean[] {true, false}, crossed.toBooleanArray());
            assertTrue(!crossed.hasGradient());
        }
    }
}
