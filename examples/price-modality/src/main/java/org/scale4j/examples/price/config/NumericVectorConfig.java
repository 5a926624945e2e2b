package org.scale4j.examples.price.config;

import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;

/**
 * {@code data.modalities.<name>: {kind: numeric-vector, ...}}: one fixed-size vector of numbers
 * per product, e.g. price, monthly sales, rating and review count.
 *
 * @param dim the vector size; the Arrow column must be {@code fixed_size_list<float32|float16>[dim]}
 * @param log1p whether each value {@code x} is fed as {@code sign(x)·ln(1 + |x|)}, which brings
 *     prices and counts spanning orders of magnitude to a few units
 */
@Doc("A fixed-size numeric vector per product (price, sales, rating, reviews), one token per number.")
public record NumericVectorConfig(
        @Doc("Vector size D; the column must be fixed_size_list<float32 or float16>[D].") @Default("4") @Min(1) int dim,
        @Doc("Feed sign(x)·ln(1+|x|) instead of x, for prices and counts that span orders of magnitude.")
        @Default("true") boolean log1p) {
}
