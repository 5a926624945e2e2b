package org.scale4j.objectives;

import ai.djl.ndarray.NDArray;

/**
 * Which samples take part in the contrastive loss of one modality pair, decided on the host
 * from the {@code [B,M]} presence (one small copy per step).
 *
 * @param first the first modality's name (sorted order) and column
 * @param second the second modality's name and column
 * @param valid {@code [B]} 1 where the sample takes part
 * @param count the number of taking-part samples
 */
record PairSelection(String first, int firstColumn, String second, int secondColumn, float[] valid, int count) {

    /** {@code first-second}, the key of this pair's metrics and notes. */
    String key() {
        return first + "-" + second;
    }

    /**
     * @param present host copy of {@code [B,M]} presence, row-major
     * @param maskMissing whether a sample missing either modality is left out
     */
    static PairSelection of(String first, int i, String second, int j, float[] present, int modalities,
            boolean maskMissing) {
        int batch = present.length / modalities;
        float[] valid = new float[batch];
        int count = 0;
        for (int b = 0; b < batch; b++) {
            boolean both = present[b * modalities + i] > 0 && present[b * modalities + j] > 0;
            valid[b] = (!maskMissing || both) ? 1f : 0f;
            count += (int) valid[b];
        }
        return new PairSelection(first, i, second, j, valid, count);
    }

    /** The pair weight column {@code W[:, i, j]} as {@code [B]}. */
    NDArray pairWeights(NDArray pairWeights) {
        return pairWeights.get(":, " + firstColumn + ", " + secondColumn);
    }
}
