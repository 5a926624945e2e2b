package org.scale4j.training.eval;

/**
 * The scalar dot-product kernel shared by retrieval, the linear probe, k-means and the benchmark's reference matmul.
 *
 * <p>{@link #tile} computes a block of dot products {@code out[i, j] = a[aStart+i] · b[bStart+j]} with a 4 x 3
 * register tile: four rows of {@code a} against three rows of {@code b}, twelve independent float accumulators, so
 * each loaded value feeds three or four multiply-adds and the CPU's two FP pipes stay busy. The JDK 17 Vector API is
 * incubator-only, and C2's auto-vectorised axpy form measured slower on this workload (it is bound by L2 traffic),
 * so the kernel is scalar by design; it reaches about 10 GFLOP/s per core on an AMD EPYC.
 *
 * <p><b>Determinism.</b> Every entry is the plain left-to-right float sum {@code s = 0; for d: s += a[d]*b[d]},
 * whatever tile it lands in and whatever the block sizes or thread count are; {@link #dot} computes the same sum one
 * entry at a time. Java float arithmetic is strict, so both give bitwise-identical scores, which is what makes the
 * blocked top-k exactly equal to a brute-force ranking (ties included).
 */
public final class DotKernel {

    private DotKernel() {
    }

    /** The reference dot product of {@code dim} values at {@code a[ao..]} and {@code b[bo..]}, left to right. */
    public static float dot(float[] a, int ao, float[] b, int bo, int dim) {
        float s = 0f;
        for (int d = 0; d < dim; d++) {
            s += a[ao + d] * b[bo + d];
        }
        return s;
    }

    /**
     * Writes {@code out[outOffset + i*outStride + j] = dot(a row aStart+i, b row bStart+j)} for {@code i < aCount},
     * {@code j < bCount}. Both matrices must have the same {@code dim}.
     */
    public static void tile(FeatureMatrix a, int aStart, int aCount, FeatureMatrix b, int bStart, int bCount,
            float[] out, int outOffset, int outStride) {
        int dim = a.dim();
        if (b.dim() != dim) {
            throw new IllegalArgumentException("dimension mismatch: " + dim + " vs " + b.dim());
        }
        float[] x = a.data();
        float[] y = b.data();
        int i = 0;
        for (; i + 4 <= aCount; i += 4) {
            int q0 = (aStart + i) * dim;
            int q1 = q0 + dim;
            int q2 = q1 + dim;
            int q3 = q2 + dim;
            int o0 = outOffset + i * outStride;
            int o1 = o0 + outStride;
            int o2 = o1 + outStride;
            int o3 = o2 + outStride;
            int j = 0;
            for (; j + 3 <= bCount; j += 3) {
                int g0 = (bStart + j) * dim;
                int g1 = g0 + dim;
                int g2 = g1 + dim;
                float s00 = 0f, s01 = 0f, s02 = 0f;
                float s10 = 0f, s11 = 0f, s12 = 0f;
                float s20 = 0f, s21 = 0f, s22 = 0f;
                float s30 = 0f, s31 = 0f, s32 = 0f;
                for (int d = 0; d < dim; d++) {
                    float u0 = y[g0 + d];
                    float u1 = y[g1 + d];
                    float u2 = y[g2 + d];
                    float v = x[q0 + d];
                    s00 += v * u0;
                    s01 += v * u1;
                    s02 += v * u2;
                    v = x[q1 + d];
                    s10 += v * u0;
                    s11 += v * u1;
                    s12 += v * u2;
                    v = x[q2 + d];
                    s20 += v * u0;
                    s21 += v * u1;
                    s22 += v * u2;
                    v = x[q3 + d];
                    s30 += v * u0;
                    s31 += v * u1;
                    s32 += v * u2;
                }
                out[o0 + j] = s00;
                out[o0 + j + 1] = s01;
                out[o0 + j + 2] = s02;
                out[o1 + j] = s10;
                out[o1 + j + 1] = s11;
                out[o1 + j + 2] = s12;
                out[o2 + j] = s20;
                out[o2 + j + 1] = s21;
                out[o2 + j + 2] = s22;
                out[o3 + j] = s30;
                out[o3 + j + 1] = s31;
                out[o3 + j + 2] = s32;
            }
            for (; j < bCount; j++) {
                int g = (bStart + j) * dim;
                out[o0 + j] = dot(x, q0, y, g, dim);
                out[o1 + j] = dot(x, q1, y, g, dim);
                out[o2 + j] = dot(x, q2, y, g, dim);
                out[o3 + j] = dot(x, q3, y, g, dim);
            }
        }
        for (; i < aCount; i++) {
            int q = (aStart + i) * dim;
            int o = outOffset + i * outStride;
            for (int j = 0; j < bCount; j++) {
                out[o + j] = dot(x, q, y, (bStart + j) * dim, dim);
            }
        }
    }
}
