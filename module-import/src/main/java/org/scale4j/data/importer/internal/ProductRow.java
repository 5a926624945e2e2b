package org.scale4j.data.importer.internal;

import java.util.List;

/**
 * One product as it will be written: one row of the canonical layout (DESIGN section 3). Every
 * nullable component is {@code null} when the product lacks it.
 *
 * @param id the product id (never null)
 * @param category the category index (position of the label in the label list), or null
 * @param categoryName the category label as written in the source, or null
 * @param productGroup the same-product group, or null
 * @param title the raw title, or null
 * @param titleIds the title's token ids without special tokens (only when a tokenizer is set), or null
 * @param table the {@code [key, value]} pairs in source order, or null
 * @param tableIds per pair {@code [keyIds, valueIds]} (only when a tokenizer is set), or null
 * @param imageFeatures {@code [N,D]} region features, or null
 * @param imageBoxes {@code [N,5]} normalised boxes, or null (null exactly when the features are)
 * @param video {@code [T,1024]} frame features, or null
 * @param audio {@code [80,751]} spectrogram rows, or null
 */
public record ProductRow(
        String id, Integer category, String categoryName, Long productGroup, String title, int[] titleIds,
        List<String[]> table, List<int[][]> tableIds, FeatureMatrix imageFeatures, FeatureMatrix imageBoxes,
        FeatureMatrix video, FeatureMatrix audio) {
}
