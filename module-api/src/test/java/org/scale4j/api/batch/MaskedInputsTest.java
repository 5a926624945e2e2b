package org.scale4j.api.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskedInputsTest {

    @Test
    void droppedRowsBecomePositiveZeroAndEverythingElseIsUntouched() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // [B=2, T=3, D=2]; sample 0 drops row 1, sample 1 drops row 2 (negative values: a
            // multiplication by 0 would give -0.0)
            float[] values = {1, 2, -3, -4, 5, 6, 7, 8, 9, 10, -11, -12};
            NDArray feats = m.create(values, new Shape(2, 3, 2));
            NDArray dropped = m.create(new float[] {0, 1, 0, 0, 0, 1}, new Shape(2, 3));
            ModalityBatch batch = new ModalityBatch("image", m.ones(new Shape(2)), m.ones(new Shape(2, 3)),
                    Map.of(TensorKeys.FEATS, feats, TensorKeys.DROPPED, dropped),
                    Map.of(TensorKeys.TARGET, feats));
            ModalityBatch applied = MaskedInputs.apply(batch);
            float[] out = applied.input(TensorKeys.FEATS).toFloatArray();
            float[] expected = {1, 2, 0, 0, 5, 6, 7, 8, 9, 10, 0, 0};
            for (int i = 0; i < out.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(out[i]), "element " + i);
            }
            assertFalse(applied.inputs().containsKey(TensorKeys.DROPPED));
            assertSame(feats, applied.target(TensorKeys.TARGET), "the target stays the unmasked tensor");
            assertArrayEquals(values, feats.toFloatArray(), "the unmasked tensor is not written");
        }
    }

    @Test
    void aBatchWithoutDroppedRowsIsReturnedAsItIs() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            ModalityBatch batch = new ModalityBatch("video", m.ones(new Shape(1)), m.ones(new Shape(1, 2)),
                    Map.of(TensorKeys.FEATS, m.ones(new Shape(1, 2, 3))), Map.of());
            assertSame(batch, MaskedInputs.apply(batch));
        }
    }
}
