package org.scale4j.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.Device;
import ai.djl.training.ParameterStore;

/**
 * Implemented by token encoders whose word embedding matrix a masked-language-model decoder can
 * tie to (spec 2.8: the MLM and MEM decoders share the text word embeddings).
 */
public interface WordEmbeddings {

    /** The word embedding matrix {@code [V,H]} as stored on {@code device}. */
    NDArray wordEmbeddings(ParameterStore parameterStore, Device device);
}
