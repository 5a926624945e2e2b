package org.scale4j.api.modality;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a {@link ModalityKindProvider} gets to build its collator.
 *
 * @param modality the modality name, e.g. {@code text}
 * @param column the main Arrow column from the recipe's {@code column:} key
 * @param recipeKey the recipe path of the modality section, for error messages
 *     ({@code data.modalities.text})
 * @param datasetDir the dataset directory (tokenizers and vocabularies live beside the shards)
 * @param scan visits every row of the training split once, for kinds that learn from the data
 */
public record ModalityContext(String modality, String column, String recipeKey, Path datasetDir, RowScan scan) {

    /** A single pass over the rows of the training split. */
    @FunctionalInterface
    public interface RowScan {
        void forEach(Consumer<RowView> visitor);
    }
}
