package org.scale4j.api.recipe;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.scale4j.api.config.ConfigValueException;
import org.scale4j.api.config.Default;
import org.scale4j.api.config.Doc;
import org.scale4j.api.config.Min;
import org.scale4j.api.data.DatasetProvider;
import org.scale4j.api.plugin.Configured;

/**
 * {@code data}: where samples come from and how they are batched.
 *
 * @param source the dataset plugin ({@code arrow}, {@code synthetic}) with its parameters
 * @param batchSize the global training batch size (contrastive negatives are the whole batch)
 * @param evalBatchSize the batch size of validation and feature extraction
 * @param modalities the modality slots by name, sorted by name
 * @param prefetch how many batches the background loader prepares ahead; 0 loads inline
 */
@Doc("Where samples come from and how they are batched.")
public record DataSection(
        @Doc("The dataset: {type: arrow, path: ...} or {type: synthetic, ...}.") Configured<DatasetProvider<?>> source,
        @Doc("Global training batch size; every sample of the batch is a contrastive negative.")
        @Default("32") @Min(1) int batchSize,
        @Doc("Batch size of validation and feature extraction.") @Default("64") @Min(1) int evalBatchSize,
        @Doc("The modality slots by name (text, table, image, video, audio or a plugin's own).")
        Map<String, ModalitySection> modalities,
        @Doc("Batches the background loader prepares ahead; 0 loads on the training thread.")
        @Default("2") @Min(0) int prefetch) {

    private static final Pattern MODALITY_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    public DataSection {
        modalities = Collections.unmodifiableSortedMap(new TreeMap<>(modalities));
        if (modalities.isEmpty()) {
            throw new ConfigValueException("modalities", "at least one modality is required");
        }
        for (String name : modalities.keySet()) {
            if (!MODALITY_NAME.matcher(name).matches()) {
                throw new ConfigValueException("modalities." + name,
                        "a modality name is lower-case letters, digits, '_' and '-', starting with a letter");
            }
        }
    }
}
