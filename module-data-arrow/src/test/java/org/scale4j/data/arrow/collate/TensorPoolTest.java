package org.scale4j.data.arrow.collate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Recycled batch tensors: reused only after the batch that used them closes, never while it is open. */
class TensorPoolTest {

    private static final Shape SHAPE = new Shape(2, 3, 4);

    private static NDArray fill(HostTensors.Writable w, float value) {
        float[] values = new float[(int) SHAPE.size()];
        Arrays.fill(values, value);
        w.floats().put(values);
        return w.finish();
    }

    private static float[] filled(float value) {
        float[] values = new float[(int) SHAPE.size()];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void aTensorReturnsToThePoolOnlyWhenItsBatchManagerCloses() {
        try (NDManager root = NDManager.newBaseManager("PyTorch"); TensorPool pool = new TensorPool()) {
            NDManager batchA = root.newSubManager();
            NDManager batchB = root.newSubManager();
            NDArray a = fill(pool.take(batchA, SHAPE, DataType.FLOAT32), 1f);
            NDArray b = fill(pool.take(batchB, SHAPE, DataType.FLOAT32), 2f);
            assertEquals(2, pool.allocated(), "two open batches: two tensors");
            assertEquals(batchA, a.getManager(), "the view belongs to the batch");
            batchA.close();
            assertFalse(a.getManager().isOpen());
            // C gets A's tensor back: it still holds A's values until written
            NDManager batchC = root.newSubManager();
            HostTensors.Writable c = pool.take(batchC, SHAPE, DataType.FLOAT32);
            assertEquals(2, pool.allocated(), "A's tensor was recycled");
            assertArrayEquals(filled(1f), c.array().toFloatArray(), "recycled, not B's (which is open)");
            fill(c, 3f);
            assertArrayEquals(filled(2f), b.toFloatArray(), "the open batch B is untouched");
            // with B and C open, a fourth batch gets a new tensor
            NDManager batchD = root.newSubManager();
            fill(pool.take(batchD, SHAPE, DataType.FLOAT32), 4f);
            assertEquals(3, pool.allocated());
            assertArrayEquals(filled(2f), b.toFloatArray());
            assertArrayEquals(filled(3f), c.array().toFloatArray());
            batchB.close();
            batchC.close();
            batchD.close();
            // another shape never shares a tensor with this one
            NDManager batchE = root.newSubManager();
            pool.take(batchE, new Shape(1, 3, 4), DataType.FLOAT32);
            assertEquals(4, pool.allocated());
            batchE.close();
        }
    }

    @Test
    void aBatchOutlivingItsPoolKeepsItsValues() {
        try (NDManager root = NDManager.newBaseManager("PyTorch")) {
            TensorPool pool = new TensorPool();
            NDManager batch = root.newSubManager();
            NDArray a = fill(pool.take(batch, SHAPE, DataType.FLOAT32), 5f);
            pool.close(); // the dataset closed first: the pool frees its tensors, the view keeps the storage
            assertArrayEquals(filled(5f), a.mul(1).toFloatArray());
            batch.close();
            assertThrows(IllegalStateException.class, () -> pool.take(root, SHAPE, DataType.FLOAT32));
        }
    }

    @Test
    void aRecycledTensorZeroesRowsThatHeldValuesAndSkipsNone() {
        // SHAPE [2,3,4]: 6 rows of 4 floats
        try (NDManager root = NDManager.newBaseManager("PyTorch"); TensorPool pool = new TensorPool()) {
            NDManager first = root.newSubManager();
            HostTensors.Writable w = pool.take(first, SHAPE, DataType.FLOAT32);
            w.written(0, 6);
            fill(w, 1f);
            first.close();

            NDManager second = root.newSubManager();
            HostTensors.Writable again = pool.take(second, SHAPE, DataType.FLOAT32);
            assertEquals(1, pool.allocated());
            again.zero(2, 3, 16); // rows 2..4 become padding
            float[] expected = filled(1f);
            Arrays.fill(expected, 8, 20, 0f);
            assertArrayEquals(expected, again.array().toFloatArray());
            again.written(3, 1); // row 3 gets values again
            again.floats().put(12, new float[] {7, 7, 7, 7});
            second.close();

            NDManager third = root.newSubManager();
            HostTensors.Writable last = pool.take(third, SHAPE, DataType.FLOAT32);
            last.zero(0, 6, 16); // everything padding: rows 0, 1, 3 and 5 held values
            assertArrayEquals(new float[24], last.array().toFloatArray(), "exactly zero, the 7s included");
            third.close();
        }
    }
}
