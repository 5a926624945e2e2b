package org.scale4j.api.recipe;

import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Inline;
import org.scale4j.api.modality.ModalityKindProvider;
import org.scale4j.api.plugin.Configured;

/**
 * {@code data.modalities.<name>}: one modality slot. {@code kind} names a modality-kind plugin;
 * every key other than {@code column} and {@code kind} is a parameter of that kind
 * (e.g. {@code max_len}, {@code dim}, {@code boxes}).
 *
 * @param column the main Arrow column of the modality
 * @param kind the modality kind with its bound parameters
 */
@Doc("One modality slot: its Arrow column, its kind and the kind's parameters.")
public record ModalitySection(
        @Doc("The main Arrow column of this modality, e.g. title or image_feats.") String column,
        @Inline(typeKey = "kind") Configured<ModalityKindProvider<?>> kind) {

    public ModalitySection {
        if (column.isBlank()) {
            throw new org.scale4j.api.config.ConfigValueException("column", "must not be empty");
        }
    }
}
