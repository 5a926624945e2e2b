package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * The masked positions of one modality, found on the host: flat indices {@code b·T + t} into
 * {@code [B·T, ...]} and the sample index of each. Only positions of present samples count.
 *
 * @param positions flat position indices, ascending
 * @param samples the sample index {@code b} of each position
 */
record MaskedSelection(long[] positions, long[] samples) {

    int count() {
        return positions.length;
    }

    /**
     * @param selected host copy of {@code [B,T]}: a position is selected where {@code > 0}
     *     (feature masks) or {@code >= 0} (labels, when {@code labels} is true)
     * @param present host copy of {@code [B]} presence
     */
    static MaskedSelection of(float[] selected, boolean labels, float[] present, int tokens) {
        int n = 0;
        long[] positions = new long[selected.length];
        long[] samples = new long[selected.length];
        for (int i = 0; i < selected.length; i++) {
            boolean chosen = labels ? selected[i] >= 0 : selected[i] > 0;
            int b = i / tokens;
            if (chosen && present[b] > 0) {
                positions[n] = i;
                samples[n] = b;
                n++;
            }
        }
        return new MaskedSelection(java.util.Arrays.copyOf(positions, n), java.util.Arrays.copyOf(samples, n));
    }

    /** The host values at the selected positions, as ids. */
    long[] pick(float[] values) {
        long[] picked = new long[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = (long) values[(int) positions[i]];
        }
        return picked;
    }

    /** The selected rows of {@code [B,T,D]} as {@code [N,D]} (differentiable). */
    NDArray rows(NDArray perPosition, NDManager manager) {
        long d = perPosition.getShape().get(2);
        NDArray flat = perPosition.reshape(-1, d);
        return flat.get(new NDIndex("{}", manager.create(positions)));
    }

    /** The entries of {@code [B]} for each selected position, {@code [N]}. */
    NDArray perSample(NDArray perSample, NDManager manager) {
        return perSample.get(new NDIndex("{}", manager.create(samples)));
    }
}
