package org.scale4j.training.eval.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scale4j.training.eval.FeatureMatrix;
import org.scale4j.training.eval.Workers;

class LinearProbeTest {

    /** Four classes with means at +-6 on the first two axes of a 6-d space, unit noise, plus a constant column. */
    private static FeatureMatrix data(int n, int[] labels, long seed) {
        Random rnd = new Random(seed);
        int dim = 6;
        float[] d = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(4);
            labels[i] = c;
            for (int j = 0; j < dim; j++) {
                d[i * dim + j] = (float) rnd.nextGaussian();
            }
            d[i * dim] += (c % 2 == 0) ? 6 : -6;
            d[i * dim + 1] += (c / 2 == 0) ? 6 : -6;
            d[i * dim + 5] = 3f; // constant: standardisation must not divide by zero
        }
        return new FeatureMatrix(d, n, dim);
    }

    @Test
    void separableDataIsLearnedPerfectly() {
        int[] ytr = new int[400];
        int[] yte = new int[400];
        FeatureMatrix xtr = data(400, ytr, 1);
        FeatureMatrix xte = data(400, yte, 2);
        ProbeResult r = LinearProbe.evaluate(xtr, ytr, xte, yte, 4, LinearProbeConfig.defaults().withThreads(2));
        assertTrue(r.accuracy() >= 0.995, "test accuracy " + r.accuracy());
        assertEquals(1.0, r.trainAccuracy(), 0.0);
        assertTrue(r.loss() < 0.1, "loss " + r.loss());
    }

    @Test
    void shuffledLabelsGiveChance() {
        int[] ytr = new int[600];
        int[] yte = new int[2000];
        FeatureMatrix xtr = data(600, ytr, 3);
        FeatureMatrix xte = data(2000, yte, 4);
        // Shuffle both splits' labels: they no longer depend on the features, so whatever the probe learns from
        // the train split, its test predictions are independent of the test labels and hit 1/4 of the time.
        // (Shuffling only the train labels is not enough on clustered data: the probe maps each blob to one label,
        // and that mapping can be systematically wrong on the true test labels.)
        shuffle(ytr, new Random(9));
        shuffle(yte, new Random(10));
        ProbeResult r = LinearProbe.evaluate(xtr, ytr, xte, yte, 4, LinearProbeConfig.defaults().withThreads(2));
        // Chance is 1/4; with 2000 test rows the standard error is about 0.01.
        assertTrue(r.accuracy() > 0.21 && r.accuracy() < 0.29, "test accuracy " + r.accuracy());
        assertTrue(r.trainAccuracy() < 0.4, "a linear probe cannot memorise 600 random labels in 6-d");
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) { // Fisher-Yates
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Test
    void sameResultOnAnyThreadCount() {
        int[] y = new int[300];
        FeatureMatrix x = data(300, y, 5);
        LinearProbe a = LinearProbe.fit(x, y, 4, LinearProbeConfig.defaults().withThreads(1).withL2(1e-2));
        LinearProbe b = LinearProbe.fit(x, y, 4, LinearProbeConfig.defaults().withThreads(2).withL2(1e-2));
        assertEquals(a.loss(), b.loss(), 0.0);
        assertEquals(a.iterations(), b.iterations());
        assertArrayEquals(a.predict(x, 1), b.predict(x, 2));
    }

    /*
     * At θ = 0 every class has probability 1/C, so the loss is ln C exactly, and
     * ∂/∂b[c] = (1/N) Σ_i (1/C - [y_i = c]) = 1/C - freq(c); ∂/∂W = (1/N) Σ_i (1/C - [y_i = c]) z_i.
     * N = 4, C = 3, y = (0, 0, 1, 2): ∂b = (1/3 - 1/2, 1/3 - 1/4, 1/3 - 1/4) = (-1/6, 1/12, 1/12).
     * z = (1), (3), (2), (-2) (one feature): ∂W[0] = (1/4)((1/3-1)·1 + (1/3-1)·3 + (1/3)·2 + (1/3)·(-2))
     *                                                = (1/4)(-2/3 - 2) = -2/3.
     */
    @Test
    void objectiveAtZeroByHand() {
        FeatureMatrix z = FeatureMatrix.of(new float[][] {{1}, {3}, {2}, {-2}});
        try (Workers w = new Workers(1)) {
            SoftmaxObjective f = new SoftmaxObjective(z, new int[] {0, 0, 1, 2}, 3, 0.5, w);
            double[] g = new double[3 + 3];
            double loss = f.evaluate(new double[6], g);
            assertEquals(Math.log(3), loss, 1e-7);
            assertEquals(-2.0 / 3, g[0], 1e-7);
            assertEquals(-1.0 / 6, g[3], 1e-7);
            assertEquals(1.0 / 12, g[4], 1e-7);
            assertEquals(1.0 / 12, g[5], 1e-7);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random rnd = new Random(8);
        int n = 30;
        int d = 4;
        int c = 3;
        float[] v = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(c);
            for (int j = 0; j < d; j++) {
                v[i * d + j] = (float) rnd.nextGaussian();
            }
        }
        double[] theta = new double[c * d + c];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = rnd.nextGaussian() * 0.5;
        }
        try (Workers w = new Workers(2)) {
            SoftmaxObjective f = new SoftmaxObjective(new FeatureMatrix(v, n, d), y, c, 0.1, w);
            double[] g = new double[theta.length];
            f.evaluate(theta, g);
            double h = 1e-2;
            for (int i = 0; i < theta.length; i++) {
                double[] p = theta.clone();
                double[] m = theta.clone();
                p[i] += h;
                m[i] -= h;
                double numeric = (f.evaluate(p, new double[theta.length]) - f.evaluate(m, new double[theta.length]))
                        / (2 * h);
                assertEquals(numeric, g[i], 2e-4, "component " + i);
            }
        }
    }

    @Test
    void rejectsLabelsOutOfRange() {
        FeatureMatrix x = FeatureMatrix.of(new float[][] {{1}, {2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(x, new int[] {0, 5}, 3, LinearProbeConfig.defaults()));
        assertEquals("train: label of row 1 is 5; labels must be class indices in [0, 3)", e.getMessage());
    }
}
