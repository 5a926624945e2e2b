package org.scale4j.api.model;

import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.scale4j.api.batch.ModalityBatch;

/**
 * A unimodal encoder: one modality's batch tensors to token states.
 *
 * <p>An encoder is a DJL {@link Block} so that its parameters are saved, loaded and optimised
 * with the model. It must be initialisable without input shapes:
 * {@code initialize(manager, DataType.FLOAT32)} creates every parameter from the
 * {@link org.scale4j.api.modality.ModalitySpec} and {@link ModelDims} it was built with.
 * The model calls {@link #encode}, never {@code forward}.
 */
public interface ModalityEncoder extends Block {

    /**
     * Encodes one modality.
     *
     * @param parameterStore where parameter values are read (one per device)
     * @param input the modality's batch tensors
     * @param training whether dropout is active
     * @return token states {@code [B,T,H]} and the key mask {@code [B,T]} (normally the input mask)
     */
    EncoderOutput encode(ParameterStore parameterStore, ModalityBatch input, boolean training);
}
