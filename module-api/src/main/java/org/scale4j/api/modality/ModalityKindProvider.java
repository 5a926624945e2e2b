package org.scale4j.api.modality;

import org.scale4j.api.plugin.Provider;

/**
 * A modality kind: how an Arrow column becomes tensors. Built-in kinds are {@code tokens},
 * {@code key-value}, {@code regions} and {@code frames}; a plugin adds its own kind to bring a new
 * modality without touching scale4j.
 *
 * <p>The recipe's {@code data.modalities.<name>} section names the kind and the column; every
 * other key of that section is bound to {@link #configType()}.
 */
public interface ModalityKindProvider<C extends Record> extends Provider<C> {

    /**
     * Creates the collator of one modality.
     *
     * @param context the modality name, its main column and access to the dataset for kinds that
     *     scan data first (e.g. to build a vocabulary)
     * @param config this kind's parameters from the recipe
     */
    ModalityCollator create(ModalityContext context, C config);

    /** {@link #create} with a config typed as {@link Record}, cast through {@link #configType()}. */
    default ModalityCollator createFrom(ModalityContext context, Record config) {
        return create(context, configType().cast(config));
    }
}
