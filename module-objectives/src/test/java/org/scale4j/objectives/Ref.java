package org.scale4j.objectives;

/** Plain-Java double-precision reference math, independent of DJL. */
final class Ref {

    private Ref() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] normalize(double[] a) {
        double n = Math.max(Math.sqrt(dot(a, a)), 1e-6);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / n;
        }
        return out;
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - max);
        }
        return max + Math.log(s);
    }

    /** erf by its Taylor series (|x| < 5 here), accurate to ~1e-12. */
    static double erf(double x) {
        if (Math.abs(x) > 5) {
            return Math.signum(x);
        }
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    /** {@code W x + b} with DJL's weight layout {@code [out,in]}. */
    static double[] linear(double[] x, double[][] w, double[] b) {
        double[] out = new double[w.length];
        for (int o = 0; o < w.length; o++) {
            out[o] = dot(w[o], x) + (b == null ? 0 : b[o]);
        }
        return out;
    }

    static double[] layerNorm(double[] x, double[] gamma, double[] beta, double eps) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean) / Math.sqrt(var + eps) * gamma[i] + beta[i];
        }
        return out;
    }

    static double[][] matrix(float[] flat, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = flat[r * cols + c];
            }
        }
        return out;
    }

    static double[] vector(float[] flat) {
        double[] out = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            out[i] = flat[i];
        }
        return out;
    }

    /** Central finite difference of {@code f} at {@code x[i]} (x is restored). */
    static double derivative(java.util.function.ToDoubleFunction<double[]> f, double[] x, int i) {
        double h = 1e-6;
        double saved = x[i];
        x[i] = saved + h;
        double up = f.applyAsDouble(x);
        x[i] = saved - h;
        double down = f.applyAsDouble(x);
        x[i] = saved;
        return (up - down) / (2 * h);
    }
}
