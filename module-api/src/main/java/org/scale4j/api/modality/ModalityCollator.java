package org.scale4j.api.modality;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.scale4j.api.batch.ModalityBatch;

/**
 * Turns the rows of one modality into tensors: padding, presence, masking.
 *
 * <p>Created once per dataset by a {@link ModalityKindProvider}. {@link #collate} runs on the data
 * loader's background thread; it must not keep state between calls other than what it was built
 * with, so that a batch depends only on its rows and the random generator.
 */
public interface ModalityCollator {

    /** The resolved modality (vocabulary known, token count fixed). */
    ModalitySpec spec();

    /** The Arrow columns this modality reads and the type of each. */
    List<ColumnRequirement> columns();

    /**
     * Checks one non-null row of this modality.
     *
     * @return {@code null} when the row is fine, else a one-line problem naming the column
     *     (e.g. "image_feats: 41 regions, recipe allows 36 (data.modalities.image.max_len)")
     */
    String validate(RowView row);

    /**
     * Builds this modality's tensors for a batch. Rows where the modality is missing get
     * {@code present = 0}, an all-zero key mask and no masking; their data must not influence any
     * output.
     *
     * @param rows the rows of the batch, in batch order
     * @param masking the masking an objective requested for this modality, or {@code null}
     * @param rng the batch's seeded random generator, used for masking only
     * @param manager where the tensors are created; the caller owns and closes it
     */
    ModalityBatch collate(List<RowView> rows, MaskingRequest masking, Random rng, NDManager manager);
}
