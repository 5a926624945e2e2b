package org.scale4j.encoders;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.api.nn.Initialization;
import org.scale4j.api.nn.LayerSpec;
import org.scale4j.api.nn.TransformerStack;
import org.scale4j.encoders.config.FeatureEncoderConfig;

/**
 * The build pipeline the feature encoders share (regions and frames): check the modality, derive
 * the layer spec from the config, construct the encoder, initialise it as BERT does. Only the
 * constructor differs between them, so it is passed in.
 */
final class FeatureEncoders {

    /** Constructs one feature encoder from its resolved layer spec and optional shared layers. */
    @FunctionalInterface
    interface Constructor {
        StackedEncoder create(LayerSpec layerSpec, TransformerStack shared);
    }

    private FeatureEncoders() {
    }

    /**
     * @param provider the provider's recipe name, for error messages
     * @param kinds the modality kinds the provider accepts
     * @param shared the transformer layers of the owner when weights are shared, else {@code null}
     */
    static ModalityEncoder build(String provider, Set<String> kinds, ModalitySpec modality, ModelDims dims,
            FeatureEncoderConfig config, TransformerStack shared, Constructor constructor) {
        LayerSpecs.requireKind(provider, kinds, modality);
        FeatureChecks.requireFeatures(modality);
        LayerSpec layerSpec = LayerSpecs.of(modality, dims, config.heads(), config.ffn(), config.activation(),
                config.norm(), config.dropout(), config.attentionDropout(), config.layerNormEps());
        return Initialization.bert(constructor.create(layerSpec, shared), dims.initStd());
    }
}
