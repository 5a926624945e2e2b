package org.scale4j.data.arrow.config;

import org.scale4j.api.config.Doc;

/**
 * The {@code regions} kind: image region features {@code list<fixed_size_list<float>[dim]>} with
 * optional boxes {@code list<fixed_size_list<float32>[5]>} (x1, y1, x2, y2, area; normalized).
 *
 * @param boxes the box column, or {@code null} for none (default {@code image_boxes})
 * @param dim the feature size (default 2048, the paper's Faster R-CNN features)
 * @param maxLen the most regions per sample (default 36); longer rows are bad rows
 */
@Doc("Image region features with boxes.")
public record RegionsConfig(
        @Doc("The box column, list<fixed_size_list<float32>[5]> (x1, y1, x2, y2, area; normalized); null for none.") String boxes,
        @Doc("Feature size D of each region (paper: 2048).") int dim,
        @Doc("Most regions per product (paper: 36); a longer list is a bad row. The modality has max_len + 1 tokens.") int maxLen) {

    public RegionsConfig {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if (maxLen < 1) {
            throw new IllegalArgumentException("max_len must be >= 1, got " + maxLen);
        }
    }

    public static RegionsConfig defaults() {
        return new RegionsConfig("image_boxes", 2048, 36);
    }
}
