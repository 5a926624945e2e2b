package org.scale4j.data.arrow.synth;

import java.util.List;

/**
 * One generated product; a {@code null} modality is missing.
 *
 * @param table key/value pairs as {@code {key, value}}
 */
record SyntheticRow(
        String id, int category, String categoryName, long productGroup, String title, List<String[]> table,
        float[][] imageFeats, float[][] imageBoxes, float[][] videoFeats, float[][] audioFeats) {
}
