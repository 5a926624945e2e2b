package org.scale4j.tensorboard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.HistogramProto;

class HistogramsTest {

    @Test
    void equalWidthBinsWithLeadingZeroBucket() throws IOException {
        float[] values = {0f, 1f, 1f, 2f, 3f, 4f, Float.NaN, Float.POSITIVE_INFINITY};
        HistogramProto h = HistogramProto.parseFrom(Histograms.encode(values, 4));
        assertEquals(0.0, h.getMin());
        assertEquals(4.0, h.getMax());
        assertEquals(6.0, h.getNum(), "non-finite values are left out");
        assertEquals(11.0, h.getSum());
        assertEquals(31.0, h.getSumSquares());
        // bins [0,1) [1,2) [2,3) [3,4]; the first bucket (limit = min) is the empty left edge
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, h.getBucketLimitList().stream().mapToDouble(d -> d).toArray());
        assertArrayEquals(new double[] {0, 1, 2, 1, 2}, h.getBucketList().stream().mapToDouble(d -> d).toArray());
    }

    @Test
    void constantValuesMakeOneBucket() throws IOException {
        HistogramProto h = HistogramProto.parseFrom(Histograms.encode(new float[] {2.5f, 2.5f, 2.5f}, 30));
        assertEquals(3.0, h.getNum());
        assertArrayEquals(new double[] {2.5}, h.getBucketLimitList().stream().mapToDouble(d -> d).toArray());
        assertArrayEquals(new double[] {3}, h.getBucketList().stream().mapToDouble(d -> d).toArray());
    }
}
