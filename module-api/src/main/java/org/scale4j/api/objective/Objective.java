package org.scale4j.api.objective;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.scale4j.api.batch.Batch;
import org.scale4j.api.modality.MaskingRequest;

/**
 * A training objective with its own heads (if any). Its parameters are saved and optimised with
 * the model; like encoders it is initialisable without input shapes.
 */
public interface Objective extends Block {

    /** The masking this objective needs the collator to apply; empty for contrastive losses. */
    List<MaskingRequest> masking();

    /**
     * Computes the loss on a global batch.
     *
     * @param batch the (global) batch, with the targets of the requested masking
     * @param output the model outputs for that batch
     * @param training whether dropout is active
     */
    ObjectiveOutput compute(ParameterStore parameterStore, Batch batch, ModelOutput output, boolean training);
}
