package org.scale4j.api.modality;

import java.util.Objects;

/**
 * One Arrow column a modality reads, checked when a dataset is opened.
 *
 * @param column the column name in the Arrow schema
 * @param type the logical type expected
 * @param dim the fixed vector size for {@link ColumnType#FLOAT_VECTOR} / {@link ColumnType#FLOAT_ROWS},
 *     0 when any size is allowed
 * @param recipeKey the recipe key a user edits to fix a mismatch, e.g. {@code data.modalities.image.dim}
 */
public record ColumnRequirement(String column, ColumnType type, int dim, String recipeKey) {

    public ColumnRequirement {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipeKey, "recipeKey");
    }
}
