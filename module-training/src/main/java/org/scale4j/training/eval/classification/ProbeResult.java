package org.scale4j.training.eval.classification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a linear-probe run measured.
 *
 * @param accuracy top-1 accuracy on the test split, in [0, 1]
 * @param trainAccuracy top-1 accuracy on the training split
 * @param iterations L-BFGS iterations used
 * @param loss final training objective (mean cross-entropy plus the L2 term)
 */
public record ProbeResult(double accuracy, double trainAccuracy, int iterations, double loss) {

    /** Metric name to value: {@code accuracy}, {@code train-accuracy}, {@code iterations}, {@code train-loss}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("train-accuracy", trainAccuracy);
        m.put("iterations", (double) iterations);
        m.put("train-loss", loss);
        return m;
    }
}
