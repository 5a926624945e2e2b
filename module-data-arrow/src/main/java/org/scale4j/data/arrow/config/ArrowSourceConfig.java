package org.scale4j.data.arrow.config;

import java.util.Objects;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.OneOf;

/**
 * {@code data.source: {type: arrow, ...}}: a directory of Arrow IPC shards (or one file).
 *
 * @param path the dataset directory or file, relative to the working directory
 * @param onBadRow {@code fail} (default) stops at the first row that fails validation; {@code skip}
 *     drops such rows, counts them and logs the first few
 * @param idColumn the product id column (default {@code id})
 * @param categoryColumn the coarse category column (default {@code category}); absent is fine
 * @param productGroupColumn the same-product group column (default {@code product_group}); absent is fine
 */
public record ArrowSourceConfig(
        @Doc("The dataset directory (shards + manifest.json) or one Arrow file, relative to the working directory.")
        String path,
        @Doc("fail: stop at the first row that fails validation; skip: drop such rows, count and report them.")
        @Default("fail") @OneOf({"fail", "skip"}) String onBadRow,
        @Doc("The product id column.") @Default("id") String idColumn,
        @Doc("The coarse category column; a dataset without it is fine.") @Default("category") String categoryColumn,
        @Doc("The same-product group column; a dataset without it is fine.") @Default("product_group")
        String productGroupColumn) {

    public ArrowSourceConfig {
        Objects.requireNonNull(path, "data.source.path is required");
        onBadRow = onBadRow == null ? "fail" : onBadRow;
        idColumn = idColumn == null ? "id" : idColumn;
        categoryColumn = categoryColumn == null ? "category" : categoryColumn;
        productGroupColumn = productGroupColumn == null ? "product_group" : productGroupColumn;
        OnBadRow.check(onBadRow);
    }

    public static ArrowSourceConfig of(String path) {
        return new ArrowSourceConfig(path, "fail", "id", "category", "product_group");
    }
}
