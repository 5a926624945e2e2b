package org.scale4j.examples.price;

import org.scale4j.api.modality.ModalityCollator;
import org.scale4j.api.modality.ModalityContext;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.examples.price.config.NumericVectorConfig;

/**
 * {@code kind: numeric-vector}: a {@code fixed_size_list<float32|float16>[dim]} column, collated
 * as one token per number behind a summary token ({@link NumericVectorCollator}).
 */
public final class NumericVectorKind implements ModalityKindProvider<NumericVectorConfig> {

    /** The kind name, also what {@link NumericTransformerProvider#kinds()} accepts. */
    static final String NAME = "numeric-vector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NumericVectorConfig> configType() {
        return NumericVectorConfig.class;
    }

    @Override
    public String description() {
        return "fixed_size_list<float>[dim] numbers (price, sales, rating, reviews), one token per number";
    }

    @Override
    public ModalityCollator create(ModalityContext context, NumericVectorConfig config) {
        return new NumericVectorCollator(context, config.dim(), config.log1p());
    }
}
