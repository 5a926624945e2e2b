package org.scale4j.api.data;

import java.util.List;
import org.scale4j.api.modality.ModalitySpec;

/** An opened dataset: its resolved modalities and its splits. */
public interface Dataset extends AutoCloseable {

    /** The resolved modalities, sorted by name. */
    List<ModalitySpec> modalities();

    /** The split names, e.g. {@code [train, val, test]}. */
    List<String> splits();

    /** The number of usable rows in a split (after skipped bad rows). */
    long size(String split);

    /**
     * The number of rows of a split that failed validation and were skipped
     * ({@code data.source.on_bad_row: skip}); 0 when the recipe says to fail.
     */
    default long skipped(String split) {
        return 0;
    }

    /** A stream over a split starting at {@code from}. */
    BatchStream stream(String split, BatchOptions options, DataPosition from);

    /** A content hash of the data (manifest and shards) for provenance. */
    String fingerprint();

    @Override
    void close();
}
