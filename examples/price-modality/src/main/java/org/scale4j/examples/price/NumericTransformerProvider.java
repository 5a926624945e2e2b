package org.scale4j.examples.price;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Activation;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.NormPlacement;
import org.scale4j.examples.price.config.NumericTransformerConfig;

/**
 * {@code numeric-transformer}: the encoder of {@code numeric-vector} modalities
 * ({@link NumericEncoder}). It does not share weights with other encoders
 * ({@link EncoderProvider#createShared}'s default refuses, naming both modalities).
 */
public final class NumericTransformerProvider implements EncoderProvider<NumericTransformerConfig> {

    private static final Set<String> KINDS = Set.of(NumericVectorKind.NAME);

    @Override
    public String name() {
        return "numeric-transformer";
    }

    @Override
    public Class<NumericTransformerConfig> configType() {
        return NumericTransformerConfig.class;
    }

    @Override
    public String description() {
        return "Numeric-vector encoder: value·w_t + b_t per position, learned [MASK] vector, post-LN layers";
    }

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public ModalityEncoder create(ModalitySpec modality, ModelDims dims, NumericTransformerConfig config) {
        if (!KINDS.contains(modality.kind())) {
            throw new IllegalArgumentException("model.encoders." + modality.name() + ": encoder '" + name()
                    + "' accepts kinds " + KINDS + ", but modality " + modality.name() + " is of kind '"
                    + modality.kind() + "'");
        }
        if (dims.hidden() % config.heads() != 0) {
            throw new IllegalArgumentException("model.encoders." + modality.name() + ": hidden size " + dims.hidden()
                    + " is not divisible by heads " + config.heads());
        }
        float dropout = (float) config.dropout();
        LayerSpec layer = new LayerSpec(dims.hidden(), config.heads(), config.ffn(), Activation.GELU, NormPlacement.POST,
                dropout, dropout, 1e-12f);
        // BERT initialisation: normal(0, model.init_std) for every WEIGHT parameter, as scale4j's own encoders.
        return Initialization.bert(new NumericEncoder(modality, layer, config.layers(), dropout), dims.initStd());
    }
}
