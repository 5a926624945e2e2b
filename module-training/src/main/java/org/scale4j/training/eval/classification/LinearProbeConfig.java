package org.scale4j.training.eval.classification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the linear probe.
 *
 * <p>The probe has no random state (zero initialisation, full-batch L-BFGS, fixed summation order), so it needs no
 * seed: the same features give the same weights and accuracy on any thread count.
 *
 * @param l2 L2 penalty {@code λ} in {@code mean CE + λ/2·||W||²} (bias not penalised); default 1e-3, {@code >= 0}
 * @param maxIterations L-BFGS iterations, default 200
 * @param gradTolerance stop when every gradient component is below this, default 1e-5
 * @param history L-BFGS correction pairs, default 10
 * @param threads worker threads, default: available processors
 */
public record LinearProbeConfig(double l2, int maxIterations, double gradTolerance, int history, int threads) {

    public LinearProbeConfig {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be a finite value >= 0, got " + l2);
        }
        if (maxIterations < 1 || history < 1 || threads < 1) {
            throw new IllegalArgumentException("maxIterations, history and threads must be >= 1, got "
                    + maxIterations + ", " + history + ", " + threads);
        }
        if (!(gradTolerance > 0)) {
            throw new IllegalArgumentException("gradTolerance must be > 0, got " + gradTolerance);
        }
    }

    /** The defaults listed above. */
    public static LinearProbeConfig defaults() {
        return new LinearProbeConfig(1e-3, 200, 1e-5, 10, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another penalty. */
    public LinearProbeConfig withL2(double v) {
        return new LinearProbeConfig(v, maxIterations, gradTolerance, history, threads);
    }

    /** A copy with another thread count. */
    public LinearProbeConfig withThreads(int n) {
        return new LinearProbeConfig(l2, maxIterations, gradTolerance, history, n);
    }

    /** The settings for a report. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("probe-l2", Double.toString(l2));
        m.put("probe-max-iterations", Integer.toString(maxIterations));
        m.put("probe-grad-tolerance", Double.toString(gradTolerance));
        return m;
    }
}
