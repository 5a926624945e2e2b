package org.scale4j.encoders;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.encoders.config.FeatureEncoderConfig;

/**
 * {@code region-transformer}: the image-region encoder (features + boxes, no positions).
 *
 * <p>Sharing ({@link #createShared}): only the transformer layers of another region or frame
 * encoder; the embeddings stay per modality (as released for image/video, spec quirk Q2).
 */
public final class RegionTransformerProvider implements EncoderProvider<FeatureEncoderConfig> {

    private static final Set<String> KINDS = Set.of("regions");

    @Override
    public String name() {
        return "region-transformer";
    }

    @Override
    public Class<FeatureEncoderConfig> configType() {
        return FeatureEncoderConfig.class;
    }

    @Override
    public String description() {
        return "Image-region encoder: Linear(features) + Linear(boxes), post-LN layers";
    }

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public ModalityEncoder create(ModalitySpec modality, ModelDims dims, FeatureEncoderConfig config) {
        return build(modality, dims, config, null);
    }

    @Override
    public ModalityEncoder createShared(
            ModalitySpec modality, ModelDims dims, FeatureEncoderConfig config, ModalityEncoder owner) {
        return build(modality, dims, config, SharedLayers.of(modality, owner));
    }

    private ModalityEncoder build(ModalitySpec modality, ModelDims dims, FeatureEncoderConfig config,
            org.scale4j.api.nn.TransformerStack shared) {
        return FeatureEncoders.build(name(), KINDS, modality, dims, config, shared,
                (layerSpec, stack) -> new RegionEncoder(modality, layerSpec, config.layers(), stack));
    }
}
