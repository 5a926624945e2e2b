package org.scale4j.training.eval.classification;

/**
 * Limited-memory BFGS with a backtracking Armijo line search, for smooth convex objectives in double.
 *
 * <p>Standard two-loop recursion (Nocedal and Wright, Algorithm 7.4) with {@code history} correction pairs; the
 * initial Hessian scale is {@code s·y / y·y}. Pairs with {@code s·y <= 0} are skipped so the direction stays a
 * descent direction. Stops when the max-norm of the gradient is below {@code gradTolerance}, when the relative loss
 * decrease falls below 1e-10, or after {@code maxIterations}.
 */
final class Lbfgs {

    /** A differentiable objective: returns f(x) and writes the gradient into {@code grad}. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /** Outcome of a minimisation. */
    record Outcome(int iterations, double loss) {
    }

    private Lbfgs() {
    }

    static Outcome minimize(Objective f, double[] x, int maxIterations, double gradTolerance, int history) {
        int n = x.length;
        double[] g = new double[n];
        double loss = f.evaluate(x, g);
        double[][] s = new double[history][];
        double[][] y = new double[history][];
        double[] rho = new double[history];
        int stored = 0;
        int head = 0;
        double[] dir = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] alpha = new double[history];
        double[] sTmp = new double[n];
        double[] yTmp = new double[n];
        int it = 0;
        while (it < maxIterations && maxAbs(g) > gradTolerance) {
            // Two-loop recursion: dir = -H g.
            for (int i = 0; i < n; i++) {
                dir[i] = -g[i];
            }
            for (int j = 0; j < stored; j++) {
                int idx = Math.floorMod(head - 1 - j, history);
                alpha[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-alpha[idx], y[idx], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, history);
                scale(dir, dot(s[last], y[last]) / dot(y[last], y[last]));
            } else {
                scale(dir, 1.0 / Math.max(1.0, norm(g)));
            }
            for (int j = stored - 1; j >= 0; j--) {
                int idx = Math.floorMod(head - 1 - j, history);
                double beta = rho[idx] * dot(y[idx], dir);
                axpy(alpha[idx] - beta, s[idx], dir);
            }
            double slope = dot(g, dir);
            if (slope >= 0) {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i] / Math.max(1.0, norm(g));
                }
                slope = dot(g, dir);
            }
            double step = 1.0;
            double newLoss;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                newLoss = f.evaluate(xNew, gNew);
                if (newLoss <= loss + 1e-4 * step * slope || ++tries >= 40) {
                    break;
                }
                step *= 0.5;
            }
            if (!(newLoss <= loss)) {
                break; // the line search failed to decrease the loss: we are at the precision limit
            }
            for (int i = 0; i < n; i++) {
                sTmp[i] = xNew[i] - x[i];
                yTmp[i] = gNew[i] - g[i];
            }
            double sy = dot(sTmp, yTmp);
            if (sy > 1e-12) {
                if (s[head] == null) {
                    s[head] = new double[n];
                    y[head] = new double[n];
                }
                System.arraycopy(sTmp, 0, s[head], 0, n);
                System.arraycopy(yTmp, 0, y[head], 0, n);
                rho[head] = 1.0 / sy;
                head = (head + 1) % history;
                stored = Math.min(stored + 1, history);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double previous = loss;
            loss = newLoss;
            it++;
            if (previous - loss <= 1e-10 * Math.max(1.0, Math.abs(previous))) {
                break;
            }
        }
        return new Outcome(it, loss);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
