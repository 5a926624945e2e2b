package org.scale4j.api.modality;

import java.util.Objects;

/**
 * A resolved modality slot: what the data layer delivers and what an encoder consumes.
 *
 * <p>The dataset resolves the recipe's {@code data.modalities.<name>} section into this record
 * once it has opened its data (so the vocabulary size of a token modality is known).
 *
 * @param name the modality name, e.g. {@code text}; the key in batches and model outputs
 * @param kind the modality kind name, e.g. {@code tokens}, {@code key-value}, {@code regions},
 *     {@code frames}, or a plugin's own
 * @param tokens the number of token positions the collator emits per sample, summary token
 *     included: for token kinds {@code max_len} ([CLS] ... [SEP]); for feature kinds
 *     {@code max_len + 1} (the global mean token first)
 * @param featureDim the feature size of feature kinds, 0 for token kinds
 * @param boxDim the size of the per-position box vector (5 for image regions), 0 when absent
 * @param vocab the vocabulary of token kinds, {@code null} for feature kinds
 */
public record ModalitySpec(String name, String kind, int tokens, int featureDim, int boxDim, Vocabulary vocab) {

    public ModalitySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (tokens < 1) {
            throw new IllegalArgumentException("modality " + name + ": tokens must be >= 1, got " + tokens);
        }
        if (featureDim < 0 || boxDim < 0) {
            throw new IllegalArgumentException("modality " + name + ": dims must be >= 0");
        }
    }

    /** Whether this modality carries token ids (and so has a {@link #vocab()}). */
    public boolean isTokenKind() {
        return vocab != null;
    }
}
