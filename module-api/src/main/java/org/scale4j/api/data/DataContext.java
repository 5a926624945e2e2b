package org.scale4j.api.data;

import java.nio.file.Path;
import java.util.Map;
import org.scale4j.api.modality.ModalityCollator;

/**
 * What a {@link DatasetProvider} gets to open a dataset.
 *
 * @param collators the modalities the recipe asks for, by name, each with its collator factory
 *     applied lazily once the data can be scanned
 * @param workDir the directory relative paths in the recipe are resolved against
 * @param seed the run seed
 */
public record DataContext(Map<String, CollatorFactory> collators, Path workDir, long seed) {

    public DataContext {
        collators = Map.copyOf(collators);
    }

    /** Creates a modality's collator once the dataset can offer its rows. */
    @FunctionalInterface
    public interface CollatorFactory {
        ModalityCollator create(Path datasetDir, org.scale4j.api.modality.ModalityContext.RowScan scan);
    }
}
