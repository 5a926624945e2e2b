package org.scale4j.tensorboard.internal;

/**
 * Builds TensorBoard's {@code HistogramProto} from raw values with equal-width buckets.
 *
 * <p>Layout, following what PyTorch's {@code make_histogram} writes and TensorBoard's
 * {@code data_compat} reads: {@code bins} equal-width bins between the finite minimum and maximum
 * (each bin {@code [e_i, e_(i+1))}, the last one closed), written as {@code bucket_limit = e_0 ..
 * e_bins} with counts {@code [0, c_0 .. c_(bins-1)]}. The leading zero-count bucket makes the left
 * edge of the first real bin visible, because TensorBoard draws bucket {@code i} from
 * {@code bucket_limit[i-1]} (or {@code min}) to {@code bucket_limit[i]}. When every value is the
 * same, one bucket holds them all.
 *
 * <p>NaN and infinite values are left out of every field ({@code num} counts finite values only):
 * TensorBoard cannot draw them, and a NaN min or sum would hide the whole histogram.
 *
 * <p>Field numbers: {@code min=1 max=2 num=3 sum=4 sum_squares=5 bucket_limit=6 bucket=7}.
 */
public final class Histograms {

    private Histograms() {
    }

    /**
     * Encodes a histogram of {@code values}.
     *
     * @param values the values; may hold non-finite values, which are skipped
     * @param bins the number of equal-width bins, at least 1
     * @return the encoded {@code HistogramProto}
     */
    public static byte[] encode(float[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        long num = 0;
        for (float f : values) {
            if (!Float.isFinite(f)) {
                continue;
            }
            double v = f;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += v * v;
            num++;
        }
        ProtoWriter histo = new ProtoWriter(32 + 16 * bins);
        if (num == 0) {
            return histo.doubleField(1, 0).doubleField(2, 0).doubleField(3, 0).toByteArray();
        }
        double[] limits;
        double[] counts;
        if (min == max) {
            limits = new double[] {min};
            counts = new double[] {num};
        } else {
            limits = new double[bins + 1];
            counts = new double[bins + 1];
            double width = (max - min) / bins;
            for (int i = 0; i <= bins; i++) {
                limits[i] = min + width * i;
            }
            limits[bins] = max;
            for (float f : values) {
                if (!Float.isFinite(f)) {
                    continue;
                }
                int bin = (int) ((f - min) / width);
                bin = Math.min(Math.max(bin, 0), bins - 1);
                counts[bin + 1]++;
            }
        }
        return histo.doubleField(1, min).doubleField(2, max).doubleField(3, num)
                .doubleField(4, sum).doubleField(5, sumSquares)
                .packedDoubles(6, limits).packedDoubles(7, counts)
                .toByteArray();
    }
}
