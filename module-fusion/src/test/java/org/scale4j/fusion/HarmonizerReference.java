package org.scale4j.fusion;

/** Plain-Java double-precision spec 2.6 (per sample and batch level), independent of DJL. */
final class HarmonizerReference {

    static final double EPS = 1e-8;

    private HarmonizerReference() {
    }

    /**
     * {@code [B][M][D]} summaries to {@code [B][M][M]} cosines: PyTorch's formulation off the
     * diagonal, exactly 1 on it ({@code cos(f,f) = 1}; PyTorch's eps clamp would give about 0
     * for a vector shorter than 1e-4, see {@code GraphMath.cosine}).
     */
    static double[][][] cosine(double[][][] f) {
        int batch = f.length;
        int m = f[0].length;
        double[][][] c = new double[batch][m][m];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double dot = 0;
                    double ni = 0;
                    double nj = 0;
                    for (int d = 0; d < f[b][i].length; d++) {
                        dot += f[b][i][d] * f[b][j][d];
                        ni += f[b][i][d] * f[b][i][d];
                        nj += f[b][j][d] * f[b][j][d];
                    }
                    c[b][i][j] = i == j ? 1.0 : dot / Math.sqrt(Math.max(ni * nj, EPS * EPS));
                }
            }
        }
        return c;
    }

    /** Per sample: returns {@code [B][M][M]} W; the modality weights are its diagonal. */
    static double[][][] perSample(double[][][] f, float[][] present, boolean maskMissing) {
        double[][][] c = cosine(f);
        int m = c[0].length;
        double[][][] w = new double[f.length][m][m];
        for (int b = 0; b < f.length; b++) {
            for (int i = 0; i < m; i++) {
                if (maskMissing && present[b][i] == 0) {
                    continue;
                }
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    if (!maskMissing || present[b][j] > 0) {
                        sum += Math.exp(c[b][i][j]);
                    }
                }
                double norm = 0;
                double[] r = new double[m];
                for (int j = 0; j < m; j++) {
                    if (!maskMissing || present[b][j] > 0) {
                        r[j] = c[b][i][j] * Math.exp(c[b][i][j]) / sum;
                        norm += r[j] * r[j];
                    }
                }
                for (int j = 0; j < m; j++) {
                    w[b][i][j] = r[j] / Math.sqrt(norm + 1e-24);
                }
            }
        }
        return w;
    }

    /**
     * Batch level: {@code W} broadcast per sample (zero where a modality is missing) and the
     * modality weights {@code diag(W)/Σ diag(W)}, returned as {@code [B][M][M+1]}: the last column
     * holds the modality weight of row {@code i}.
     */
    static double[][][] batchLevel(double[][][] f, float[][] present) {
        double[][][] c = cosine(f);
        int m = c[0].length;
        double[][] mean = new double[m][m];
        double[][] count = new double[m][m];
        for (int b = 0; b < f.length; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double both = present[b][i] * present[b][j];
                    mean[i][j] += c[b][i][j] * both;
                    count[i][j] += both;
                }
            }
        }
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                mean[i][j] /= Math.max(count[i][j], 1);
                if (count[i][j] > 0) {
                    sum += Math.exp(mean[i][j]);
                }
            }
            for (int j = 0; j < m; j++) {
                r[i][j] = count[i][j] > 0 ? mean[i][j] * Math.exp(mean[i][j]) / sum : 0;
            }
        }
        double[][] w = new double[m][m];
        for (int j = 0; j < m; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += r[i][j] * r[i][j];
            }
            for (int i = 0; i < m; i++) {
                w[i][j] = r[i][j] / Math.sqrt(norm + 1e-24);
            }
        }
        double trace = 0;
        for (int i = 0; i < m; i++) {
            trace += w[i][i];
        }
        double[][][] out = new double[f.length][m][m + 1];
        for (int b = 0; b < f.length; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    out[b][i][j] = w[i][j] * present[b][i] * present[b][j];
                }
                out[b][i][m] = w[i][i] / Math.max(trace, 1e-12) * present[b][i];
            }
        }
        return out;
    }
}
