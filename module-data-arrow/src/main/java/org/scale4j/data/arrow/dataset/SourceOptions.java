package org.scale4j.data.arrow.dataset;

import java.util.Objects;

/**
 * How a dataset's bookkeeping columns are named and what to do with bad rows.
 *
 * @param idColumn the product id column (utf8, not null, unique)
 * @param categoryColumn the coarse category column (int), optional in the data
 * @param productGroupColumn the same-product group column (int), optional in the data
 * @param skipBadRows {@code true} to skip and count rows that fail validation, {@code false} to fail
 * @param recipeKey the recipe section of the source, e.g. {@code data.source}
 */
public record SourceOptions(
        String idColumn, String categoryColumn, String productGroupColumn, boolean skipBadRows, String recipeKey) {

    public SourceOptions {
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(categoryColumn, "categoryColumn");
        Objects.requireNonNull(productGroupColumn, "productGroupColumn");
        Objects.requireNonNull(recipeKey, "recipeKey");
    }

    /** The canonical column names, failing on bad rows. */
    public static SourceOptions defaults() {
        return new SourceOptions("id", "category", "product_group", false, "data.source");
    }
}
