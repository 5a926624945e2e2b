package org.scale4j.encoders;

import java.util.Set;
import org.scale4j.api.modality.ModalitySpec;
import org.scale4j.api.model.EncoderProvider;
import org.scale4j.api.model.ModalityEncoder;
import org.scale4j.api.model.ModelDims;
import org.scale4j.encoders.config.FeatureEncoderConfig;

/**
 * {@code frame-transformer}: the encoder of frame sequences (video frames, audio rows):
 * Linear(features) + learned positions.
 *
 * <p>Sharing ({@link #createShared}): only the transformer layers of another region or frame
 * encoder (the released video branch runs through the image layers, spec quirk Q2); the
 * embeddings stay per modality.
 */
public final class FrameTransformerProvider implements EncoderProvider<FeatureEncoderConfig> {

    private static final Set<String> KINDS = Set.of("frames");

    @Override
    public String name() {
        return "frame-transformer";
    }

    @Override
    public Class<FeatureEncoderConfig> configType() {
        return FeatureEncoderConfig.class;
    }

    @Override
    public String description() {
        return "Frame-sequence encoder (video, audio): Linear(features) + learned positions, post-LN layers";
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
                (layerSpec, stack) -> new FrameEncoder(modality, layerSpec, config.layers(),
                        LayerSpecs.positions(config.maxPositions(), modality), stack));
    }
}
