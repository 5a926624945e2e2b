package org.scale4j.encoders;

import ai.djl.nn.Block;

/** Plain-Java double-precision BERT embedding and post-LN layer, reading the block's parameters. */
final class Reference {

    private final Block block;

    Reference(Block block) {
        this.block = block;
    }

    double[] param(String suffix) {
        float[] v = block.getParameters().stream().filter(p -> p.getKey().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter *" + suffix + " in " + block.getParameters().keys())).getValue().getArray().toFloatArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

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

    /** {@code x W^T + b} for rows of {@code x}; {@code w} is {@code [out,in]} row-major. */
    static double[][] linear(double[][] x, double[] w, double[] b) {
        int out = b.length;
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int r = 0; r < x.length; r++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < in; i++) {
                    s += w[o * in + i] * x[r][i];
                }
                y[r][o] = s;
            }
        }
        return y;
    }

    static double[][] layerNorm(double[][] x, double[] gamma, double[] beta, double eps) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double mean = 0;
            for (double v : x[r]) {
                mean += v;
            }
            mean /= x[r].length;
            double var = 0;
            for (double v : x[r]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[r].length;
            y[r] = new double[x[r].length];
            for (int i = 0; i < x[r].length; i++) {
                y[r][i] = (x[r][i] - mean) / Math.sqrt(var + eps) * gamma[i] + beta[i];
            }
        }
        return y;
    }

    /** Part {@code k} of three stacked along the rows (the query, key, value blocks of {@code queryKeyValue}). */
    static double[] third(double[] stacked, int k) {
        return java.util.Arrays.copyOfRange(stacked, k * stacked.length / 3, (k + 1) * stacked.length / 3);
    }

    static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < a[0].length; i++) {
                y[r][i] = a[r][i] + b[r][i];
            }
        }
        return y;
    }

    /** One post-LN BERT layer (prefix e.g. {@code layer0_}) on one sample {@code [T,H]} with key mask. */
    double[][] postLnLayer(String prefix, double[][] x, float[] mask, int heads, double eps) {
        int t = x.length;
        int h = x[0].length;
        int d = h / heads;
        double[] qkvWeight = param(prefix + "01queryKeyValue_weight");
        double[] qkvBias = param(prefix + "01queryKeyValue_bias");
        double[][] q = linear(x, third(qkvWeight, 0), third(qkvBias, 0));
        double[][] k = linear(x, third(qkvWeight, 1), third(qkvBias, 1));
        double[][] v = linear(x, third(qkvWeight, 2), third(qkvBias, 2));
        double[][] context = new double[t][h];
        for (int n = 0; n < heads; n++) {
            for (int i = 0; i < t; i++) {
                double[] scores = new double[t];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < t; j++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) {
                        s += q[i][n * d + c] * k[j][n * d + c];
                    }
                    scores[j] = s / Math.sqrt(d) + (mask[j] > 0 ? 0 : -100000);
                    max = Math.max(max, scores[j]);
                }
                double z = 0;
                for (int j = 0; j < t; j++) {
                    scores[j] = Math.exp(scores[j] - max);
                    z += scores[j];
                }
                for (int j = 0; j < t; j++) {
                    for (int c = 0; c < d; c++) {
                        context[i][n * d + c] += scores[j] / z * v[j][n * d + c];
                    }
                }
            }
        }
        double[][] attended = linear(context, param(prefix + "02attentionOutput_weight"), param(prefix + "02attentionOutput_bias"));
        double[][] h1 = layerNorm(add(x, attended), param(prefix + "03attentionNorm_gamma"), param(prefix + "03attentionNorm_beta"), eps);
        double[][] inner = linear(h1, param(prefix + "04ffnIn_weight"), param(prefix + "04ffnIn_bias"));
        for (double[] row : inner) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 0.5 * row[i] * (1 + erf(row[i] / Math.sqrt(2)));
            }
        }
        double[][] fed = linear(inner, param(prefix + "05ffnOut_weight"), param(prefix + "05ffnOut_bias"));
        return layerNorm(add(h1, fed), param(prefix + "06ffnNorm_gamma"), param(prefix + "06ffnNorm_beta"), eps);
    }
}
