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

        /**
         * The usual factory: the recipe section {@code data.modalities.<modality>} names a kind, a
         * main column and the kind's config.
         */
        static CollatorFactory of(
                org.scale4j.api.modality.ModalityKindProvider<?> kind, String modality, String column,
                Record config) {
            return (dir, scan) -> kind.createFrom(new org.scale4j.api.modality.ModalityContext(
                    modality, column, "data.modalities." + modality, dir, scan), config);
        }
    }
}
