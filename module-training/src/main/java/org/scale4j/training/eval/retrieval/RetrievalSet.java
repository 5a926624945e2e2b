package org.scale4j.training.eval.retrieval;

import java.util.Objects;
import org.scale4j.training.eval.FeatureMatrix;

/**
 * One side of a retrieval task: features with their product ids and ground-truth labels.
 *
 * <p>The label is the category for coarse retrieval and the product group for fine-grained retrieval. Row
 * {@code r} of {@code features} belongs to {@code ids[r]} and {@code labels[r]}.
 *
 * @param name what this set is, used in error messages (for example {@code "coarse gallery"})
 * @param features {@code [N, D]}
 * @param ids {@code [N]} product ids, never null
 * @param labels {@code [N]} ground-truth labels
 */
public record RetrievalSet(String name, FeatureMatrix features, String[] ids, long[] labels) {

    public RetrievalSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(labels, "labels");
        if (ids.length != features.rows()) {
            throw new IllegalArgumentException(name + ": " + ids.length + " ids for " + features.rows()
                    + " feature rows");
        }
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + features.rows()
                    + " feature rows");
        }
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] == null) {
                throw new IllegalArgumentException(name + ": id of row " + r + " is null");
            }
        }
    }

    /** Number of rows. */
    public int size() {
        return ids.length;
    }
}
