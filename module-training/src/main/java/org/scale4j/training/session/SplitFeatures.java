package org.scale4j.training.session;

import java.util.Map;
import org.scale4j.training.eval.FeatureMatrix;

/**
 * The eval-mode features of one split (spec 3.2): each modality's fused summary per product.
 *
 * @param ids the product ids in loader order
 * @param category the coarse category per row, -1 where unknown
 * @param productGroup the same-product group per row, -1 where unknown
 * @param summaries the fused summary {@code [N,H]} per modality, sorted by name
 * @param presence whether each row has the modality
 */
public record SplitFeatures(
        String[] ids,
        long[] category,
        long[] productGroup,
        Map<String, FeatureMatrix> summaries,
        Map<String, boolean[]> presence) {

    /** The number of products. */
    public int size() {
        return ids.length;
    }
}
