package org.scale4j.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.SortedMap;

/**
 * Fuses all modalities' token states (spec 2.5). Like an encoder, a fusion is a {@link Block}
 * initialisable without input shapes, and the model calls {@link #fuse}, never {@code forward}.
 * Masks are per sample: a padded position or a missing modality of sample {@code b} must not
 * change any output of sample {@code b} (spec quirk Q8 is a bug).
 */
public interface Fusion extends Block {

    /**
     * @param unimodal the encoder outputs by modality name, sorted
     * @param present {@code [B,M]} float32 presence in the same (sorted) order
     * @param training whether dropout is active
     */
    FusionOutput fuse(
            ParameterStore parameterStore,
            SortedMap<String, EncoderOutput> unimodal,
            NDArray present,
            boolean training);
}
